package main

// Built-in lists for the metadata the model cannot give. They are invented for
// this benchmark in the style of Cold War diplomatic records; none is a quotation.

var people = []string{
	"Dean Acheson", "George C. Marshall", "John Foster Dulles", "Christian A. Herter",
	"Dean Rusk", "Henry A. Kissinger", "Cyrus R. Vance", "George F. Kennan",
	"Charles E. Bohlen", "Llewellyn E. Thompson", "W. Averell Harriman", "Walter Bedell Smith",
	"Andrei Gromyko", "Vyacheslav Molotov", "Anastas Mikoyan", "Nikita Khrushchev",
	"Anatoly Dobrynin", "Georgy Zarubin", "Mikhail Menshikov", "Valerian Zorin",
	"Zhou Enlai", "Kim Il Sung", "Syngman Rhee", "Chiang Kai-shek", "Ho Chi Minh",
	"Konrad Adenauer", "Charles de Gaulle", "Harold Macmillan", "Ernest Bevin", "Anthony Eden",
	"Jawaharlal Nehru", "Gamal Abdel Nasser", "Josip Broz Tito", "Władysław Gomułka",
	"Imre Nagy", "János Kádár", "Walter Ulbricht", "Fidel Castro", "Sukarno", "Ngo Dinh Diem",
	"Robert D. Murphy", "Livingston T. Merchant", "Paul H. Nitze", "Allen W. Dulles",
	"John J. McCloy", "James B. Conant", "Foy D. Kohler", "Walt W. Rostow", "McGeorge Bundy",
	"Chester Bowles", "Adlai E. Stevenson", "Henry Cabot Lodge", "Ellsworth Bunker",
	"Loy W. Henderson", "Jefferson Caffery", "David K. E. Bruce", "Winthrop W. Aldrich",
	"Raymond A. Hare", "Karl L. Rankin", "John M. Allison", "Everett F. Drumright",
}

var places = []string{
	"Washington", "Moscow", "London", "Paris", "Bonn", "Berlin", "Vienna", "Geneva",
	"Warsaw", "Prague", "Budapest", "Belgrade", "Bucharest", "Sofia", "Tirana",
	"Beijing", "Taipei", "Tokyo", "Seoul", "Pyongyang", "Saigon", "Hanoi", "Vientiane",
	"New Delhi", "Karachi", "Tehran", "Baghdad", "Cairo", "Damascus", "Beirut", "Ankara",
	"Athens", "Rome", "Madrid", "Lisbon", "Havana", "Mexico City", "Rio de Janeiro",
	"Buenos Aires", "Ottawa", "Jakarta", "Manila", "Rangoon", "Bangkok", "Canberra",
	"Helsinki", "Stockholm", "Oslo", "Copenhagen", "The Hague", "Brussels", "New York",
	"Kraków", "Zürich", "Bogotá", "Asunción",
}

// docTypes are weighted: telegrams and memoranda dominate a FRUS volume.
var docTypes = []struct {
	name   string
	weight int
}{
	{"telegram", 30}, {"memorandum", 18}, {"memorandum of conversation", 14}, {"letter", 10},
	{"despatch", 6}, {"airgram", 4}, {"report", 4}, {"minutes", 3}, {"intelligence estimate", 2},
	{"instruction", 2}, {"note", 2}, {"editorial note", 2}, {"circular telegram", 2}, {"diary entry", 1},
}

var repositories = []struct{ name, abbrev, refFormat string }{
	{"National Archives and Records Administration", "NARA", "RG 59, Central Files, %d.%02d/%d-%d%02d"},
	{"National Archives and Records Administration", "NARA", "RG 59, Lot %dD%02d, Box %d, folder %d%02d"},
	{"Dwight D. Eisenhower Library", "DDEL", "Whitman File, DDE Diaries, Box %d, folder %02d-%d, %d%02d"},
	{"John F. Kennedy Library", "JFKL", "National Security Files, Box %d, Countries %02d, %d, %d%02d"},
	{"Harry S. Truman Library", "HSTL", "Acheson Papers, Box %d, Memoranda %02d, %d, %d%02d"},
	{"Archive of Foreign Policy of the Russian Federation", "AVPRF", "fond %d, opis %02d, papka %d, delo %d%02d"},
}

// builtinText is the fallback vocabulary when no corpus is present: plain words of
// diplomatic prose, fed to the same bigram trainer in Zipf-weighted random order.
const builtinText = `government minister ambassador embassy department secretary state president
foreign affairs soviet union united states british french german chinese korean japanese
agreement treaty negotiations conference meeting conversation discussion proposal position
question problem situation policy military economic political security council nations
assistance aid credit loan trade export import shipment goods agreement arrangement
troops forces army navy air command armistice ceasefire withdrawal occupation zone border
frontier territory regime communist party committee central leadership delegation mission
representative consul general charge counselor attache officer official staff report
telegram memorandum despatch instruction note letter message reply request information
view opinion attitude statement declaration announcement press radio public opinion
important serious difficult possible necessary immediate early further present future
believe consider think understand indicate suggest propose recommend inform advise
refugees prisoners repatriation elections reunification recognition sovereignty independence
oil wheat cotton coal steel machinery equipment weapons atomic nuclear testing inspection
bases airfield port harbor railway bridge road river island peninsula province capital
week month year morning evening yesterday today tomorrow recently later earlier time
concern interest support opposition pressure influence relations cooperation conflict
crisis war peace settlement solution compromise concession guarantee assurance commitment
intelligence estimate analysis evaluation assessment information sources reports rumors`
