package imageapi

import (
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// TileCache keeps rendered images on disk, one file each, under a bound on
// their total size, evicting the least recently used. The directory is the
// cache: a restart reads what is there, most recently used by modification
// time, which a hit refreshes. Safe for concurrent use; processes sharing a
// directory each bound what they know of it.
type TileCache struct {
	dir string
	max int64

	mu    sync.Mutex
	size  int64
	lru   *list.List // of *tileEntry, most recent first
	byKey map[string]*list.Element
}

type tileEntry struct {
	name string // relative path: two hex digits / 62 more
	size int64
}

// OpenTileCache opens (creating it if need be) a cache in dir holding at
// most maxBytes.
func OpenTileCache(dir string, maxBytes int64) (*TileCache, error) {
	if maxBytes <= 0 {
		return nil, fmt.Errorf("iiif: tile cache bound %d: must be more than zero", maxBytes)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("iiif: tile cache: %w", err)
	}
	c := &TileCache{dir: dir, max: maxBytes, lru: list.New(), byKey: map[string]*list.Element{}}
	type found struct {
		tileEntry
		mod time.Time
	}
	var all []found
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasSuffix(path, ".tmp") {
			// A write a crash interrupted.
			os.Remove(path)
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil // removed meanwhile
		}
		rel, _ := filepath.Rel(dir, path)
		all = append(all, found{tileEntry{rel, info.Size()}, info.ModTime()})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("iiif: reading the tile cache: %w", err)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].mod.After(all[j].mod) })
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, f := range all {
		e := f.tileEntry
		c.byKey[e.name] = c.lru.PushBack(&e)
		c.size += e.size
	}
	c.evict()
	return c, nil
}

// Size is the bytes the cache holds, as far as this process knows.
func (c *TileCache) Size() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size
}

func fileName(key string) string {
	h := sha256.Sum256([]byte(key))
	s := hex.EncodeToString(h[:])
	return filepath.Join(s[:2], s[2:])
}

// Get returns the bytes kept under key.
func (c *TileCache) Get(key string) ([]byte, bool) {
	name := fileName(key)
	data, err := os.ReadFile(filepath.Join(c.dir, name))
	c.mu.Lock()
	defer c.mu.Unlock()
	el, known := c.byKey[name]
	if err != nil {
		if known {
			c.remove(el) // deleted behind our back
		}
		return nil, false
	}
	if known {
		c.lru.MoveToFront(el)
	} else {
		// Written by another process sharing the directory.
		c.byKey[name] = c.lru.PushFront(&tileEntry{name, int64(len(data))})
		c.size += int64(len(data))
		c.evict()
	}
	// The modification time is the recency a restart reads; failing to set
	// it only makes the file look older.
	now := time.Now()
	os.Chtimes(filepath.Join(c.dir, name), now, now)
	return data, true
}

// Put keeps data under key. A value larger than an eighth of the bound is
// not kept: it would push out many tiles for one full-size image.
func (c *TileCache) Put(key string, data []byte) error {
	if int64(len(data)) > c.max/8 {
		return nil
	}
	name := fileName(key)
	path := filepath.Join(c.dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("iiif: tile cache: %w", err)
	}
	// Written aside and renamed, so a reader (of this process or another)
	// never sees half a file.
	tmp, err := os.CreateTemp(filepath.Dir(path), "*.tmp")
	if err != nil {
		return fmt.Errorf("iiif: tile cache: %w", err)
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("iiif: tile cache: writing: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("iiif: tile cache: %w", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[name]; ok {
		c.remove(el)
	}
	c.byKey[name] = c.lru.PushFront(&tileEntry{name, int64(len(data))})
	c.size += int64(len(data))
	c.evict()
	return nil
}

// evict removes the least recently used files until the cache is within
// its bound. Called with mu held.
func (c *TileCache) evict() {
	for c.size > c.max {
		el := c.lru.Back()
		e := el.Value.(*tileEntry)
		os.Remove(filepath.Join(c.dir, e.name))
		c.remove(el)
	}
}

func (c *TileCache) remove(el *list.Element) {
	e := el.Value.(*tileEntry)
	c.lru.Remove(el)
	delete(c.byKey, e.name)
	c.size -= e.size
}
