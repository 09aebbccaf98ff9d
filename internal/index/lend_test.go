package index

import "testing"

// A lent array comes back empty, or zeroed when asked, whatever the search
// before it left in it; giveBack leaves nothing on loan.
func TestBorrow(t *testing.T) {
	defer func(l int) { lendMin = l }(lendMin)
	lendMin = 1
	l := &loans{}
	s := borrowZeroed[float64](l, &f64Pool, 100)
	if len(s) != 100 {
		t.Fatalf("borrowZeroed gave %d, want 100", len(s))
	}
	for i := range s {
		s[i] = 7
	}
	u := borrow[uint32](l, &u32Pool, 50)
	if len(u) != 0 || cap(u) < 50 {
		t.Fatalf("borrow gave len %d cap %d, want 0 and 50 at least", len(u), cap(u))
	}
	u = append(u, 1, 2, 3)
	l.giveBack()
	if len(l.back) != 0 {
		t.Fatalf("%d arrays still on loan", len(l.back))
	}
	for range 3 { // the pool may or may not hand the same arrays back
		z := borrowZeroed[float64](l, &f64Pool, 100)
		for i, v := range z {
			if v != 0 {
				t.Fatalf("a zeroed loan holds %v at %d", v, i)
			}
		}
		if u := borrow[uint32](l, &u32Pool, 200); len(u) != 0 || cap(u) < 200 {
			t.Fatalf("borrow after a shorter loan: len %d cap %d", len(u), cap(u))
		}
		l.giveBack()
	}
	// Short arrays are the allocator's: nothing is noted to give back.
	lendMin = 1 << 14
	borrow[uint32](l, &u32Pool, 10)
	if len(l.back) != 0 {
		t.Fatal("a short array was lent")
	}
}
