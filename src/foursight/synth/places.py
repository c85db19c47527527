"""Places: real outward postcodes of the old Wessex counties, with invented streets.

Coordinates are rough centres of each outward code, good enough for a map demo. Streets are
made from common English street words, so they are plausible but belong to nobody.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

from .rand import between, pick, weighted

# (outward code, town, lat, lon, weight)
_OUTWARDS: list[tuple[str, str, float, float, float]] = [
    ("SO14", "Southampton", 50.905, -1.395, 3.0),
    ("SO15", "Southampton", 50.915, -1.425, 3.0),
    ("SO16", "Southampton", 50.935, -1.435, 3.0),
    ("SO17", "Southampton", 50.925, -1.395, 2.0),
    ("SO18", "Southampton", 50.925, -1.355, 2.0),
    ("SO19", "Southampton", 50.895, -1.355, 2.5),
    ("SO50", "Eastleigh", 50.967, -1.350, 2.0),
    ("SO53", "Chandler's Ford", 50.985, -1.385, 1.5),
    ("SO22", "Winchester", 51.065, -1.335, 1.2),
    ("SO23", "Winchester", 51.063, -1.305, 1.2),
    ("SO51", "Romsey", 50.990, -1.500, 1.0),
    ("SO40", "Totton", 50.920, -1.490, 1.3),
    ("SO30", "Hedge End", 50.910, -1.300, 1.3),
    ("PO14", "Fareham", 50.850, -1.220, 1.2),
    ("PO15", "Fareham", 50.860, -1.240, 1.0),
    ("PO16", "Fareham", 50.850, -1.170, 1.2),
    ("PO12", "Gosport", 50.790, -1.130, 1.5),
    ("PO13", "Gosport", 50.810, -1.170, 1.2),
    ("PO1", "Portsmouth", 50.800, -1.090, 2.5),
    ("PO2", "Portsmouth", 50.820, -1.080, 2.0),
    ("PO3", "Portsmouth", 50.810, -1.060, 2.0),
    ("PO4", "Southsea", 50.790, -1.060, 2.0),
    ("PO5", "Southsea", 50.790, -1.080, 2.0),
    ("PO6", "Cosham", 50.845, -1.065, 1.5),
    ("PO9", "Havant", 50.855, -0.980, 1.5),
    ("PO7", "Waterlooville", 50.880, -1.030, 1.3),
    ("PO8", "Horndean", 50.900, -1.020, 1.0),
    ("RG21", "Basingstoke", 51.265, -1.090, 1.5),
    ("RG22", "Basingstoke", 51.250, -1.120, 1.3),
    ("RG24", "Basingstoke", 51.280, -1.070, 1.3),
    ("SP10", "Andover", 51.210, -1.480, 1.2),
    ("SP11", "Andover", 51.210, -1.520, 0.6),
    ("SP1", "Salisbury", 51.070, -1.790, 1.2),
    ("SP2", "Salisbury", 51.070, -1.820, 1.0),
    ("BH1", "Bournemouth", 50.725, -1.860, 2.0),
    ("BH2", "Bournemouth", 50.720, -1.880, 1.5),
    ("BH7", "Bournemouth", 50.740, -1.820, 1.2),
    ("BH8", "Bournemouth", 50.740, -1.840, 1.5),
    ("BH9", "Bournemouth", 50.750, -1.870, 1.5),
    ("BH10", "Bournemouth", 50.760, -1.900, 1.2),
    ("BH11", "Bournemouth", 50.760, -1.930, 1.2),
    ("BH12", "Poole", 50.730, -1.930, 1.3),
    ("BH14", "Poole", 50.720, -1.960, 1.0),
    ("BH15", "Poole", 50.720, -1.980, 1.3),
    ("BH17", "Poole", 50.750, -1.980, 1.0),
    ("BH23", "Christchurch", 50.735, -1.770, 1.2),
    ("DT1", "Dorchester", 50.715, -2.435, 0.8),
    ("DT3", "Weymouth", 50.640, -2.470, 0.8),
    ("DT4", "Weymouth", 50.610, -2.460, 1.0),
    ("DT6", "Bridport", 50.735, -2.760, 0.5),
    ("BA20", "Yeovil", 50.940, -2.635, 0.8),
    ("BA21", "Yeovil", 50.950, -2.620, 0.8),
    ("GU11", "Aldershot", 51.250, -0.760, 1.0),
    ("GU12", "Aldershot", 51.250, -0.730, 0.8),
    ("GU14", "Farnborough", 51.290, -0.760, 1.2),
    ("RG14", "Newbury", 51.400, -1.320, 1.0),
    ("SN1", "Swindon", 51.560, -1.780, 1.5),
    ("SN2", "Swindon", 51.580, -1.790, 1.3),
    ("SN3", "Swindon", 51.560, -1.740, 1.3),
    ("SN5", "Swindon", 51.570, -1.830, 1.2),
    ("BA14", "Trowbridge", 51.320, -2.210, 0.8),
    ("SN15", "Chippenham", 51.460, -2.120, 0.8),
    ("PO30", "Newport", 50.700, -1.290, 0.8),
    ("PO33", "Ryde", 50.730, -1.160, 0.8),
]

OUTWARDS = tuple(o[0] for o in _OUTWARDS)
_CUMULATIVE = tuple(itertools.accumulate(o[4] for o in _OUTWARDS))
_BY_CODE = {o[0]: o for o in _OUTWARDS}
TOWNS = tuple(sorted({o[1] for o in _OUTWARDS}))

_STREET_WORDS = [
    "Acacia",
    "Alder",
    "Ash",
    "Beech",
    "Birch",
    "Bramble",
    "Cedar",
    "Chestnut",
    "Elm",
    "Fern",
    "Hawthorn",
    "Hazel",
    "Heather",
    "Holly",
    "Juniper",
    "Larch",
    "Laurel",
    "Lavender",
    "Lime",
    "Maple",
    "Oak",
    "Rowan",
    "Willow",
    "Yew",
    "Kingfisher",
    "Heron",
    "Lapwing",
    "Skylark",
    "Wren",
    "Swallow",
    "Meadow",
    "Brook",
    "Mill",
    "Church",
    "Station",
    "School",
    "Victoria",
    "Albert",
    "Windsor",
    "Trafalgar",
    "Nelson",
    "Wellington",
    "Clarence",
    "Milton",
    "Shelley",
    "Tennyson",
    "Austen",
    "Hardy",
    "Brunel",
    "Priory",
    "Abbey",
    "Manor",
    "Grange",
    "Orchard",
    "Paddock",
    "Quarry",
    "Forge",
    "Tannery",
    "Wharf",
    "Harbour",
    "Chalk",
    "Flint",
    "Downs",
    "Ridge",
    "Valley",
    "Combe",
    "Heath",
    "Common",
    "Moor",
    "Marsh",
    "Barrow",
    "Beacon",
    "Foxglove",
    "Primrose",
    "Bluebell",
    "Marigold",
    "Cowslip",
    "Teasel",
    "Thistle",
    "Sorrel",
    "Linden",
    "Poplar",
    "Sycamore",
    "Hornbeam",
    "Buckthorn",
    "Kestrel",
    "Merlin",
    "Osprey",
    "Curlew",
    "Plover",
    "Sandpiper",
    "Falcon",
    "Raven",
    "Magpie",
    "Finch",
    "Linnet",
    "Starling",
    "Lark",
    "Dunnock",
    "Pipit",
    "Fieldfare",
    "Redwing",
    "Coppice",
    "Spinney",
    "Dell",
    "Glebe",
    "Furlong",
    "Headland",
    "Saxon",
    "Norman",
    "Tudor",
    "Stuart",
    "Hanover",
    "Regency",
    "Coronation",
    "Jubilee",
    "Sovereign",
    "Crown",
    "Anchor",
    "Beacon",
    "Lighthouse",
    "Ferry",
    "Mariners",
    "Dolphin",
    "Lugger",
    "Clipper",
    "Frigate",
    "Galleon",
    "Cutter",
    "Schooner",
]
_STREET_SUFFIXES = [
    "Road",
    "Road",
    "Road",
    "Street",
    "Street",
    "Lane",
    "Lane",
    "Close",
    "Close",
    "Close",
    "Avenue",
    "Drive",
    "Way",
    "Crescent",
    "Gardens",
    "Place",
    "Court",
    "Grove",
    "Rise",
    "Mews",
    "Terrace",
    "View",
    "Walk",
    "Row",
    "Green",
    "Park",
    "Mead",
    "Hill",
]
_ABBREVIATED_SUFFIX = {
    "Road": "Rd",
    "Street": "St",
    "Lane": "Ln",
    "Close": "Cl",
    "Avenue": "Ave",
    "Drive": "Dr",
    "Crescent": "Cres",
    "Gardens": "Gdns",
    "Place": "Pl",
    "Court": "Ct",
    "Terrace": "Terr",
}
_BLOCK_NAMES = (
    "Kestrel House",
    "Harbour Court",
    "Mill House",
    "Victoria Court",
    "Beacon Heights",
    "Wessex House",
    "Solent Court",
    "Chalk Hill House",
    "Anchor Point",
    "Cedar Lodge",
    "Forge House",
    "Brunel Court",
)
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


@dataclass(slots=True)
class Address:
    number: str  # "14", "Flat 3, Kestrel House, 22"
    street: str
    suffix: str
    town: str
    postcode: str
    lat: float
    lon: float

    def line(self) -> str:
        return f"{self.number} {self.street} {self.suffix}, {self.town}"

    def street_name(self) -> str:
        return f"{self.street} {self.suffix}"


def pick_outward(rng: random.Random) -> str:
    return weighted(rng, OUTWARDS, _CUMULATIVE)


def town_of(outward: str) -> str:
    return _BY_CODE[outward][1]


def inward(rng: random.Random) -> str:
    return f"{between(rng, 1, 10)}{pick(rng, _INWARD_LETTERS)}{pick(rng, _INWARD_LETTERS)}"


def make_address(rng: random.Random, outward: str | None = None) -> Address:
    code = outward or pick_outward(rng)
    _, town, lat, lon, _ = _BY_CODE[code]
    street = pick(rng, _STREET_WORDS)
    suffix = pick(rng, _STREET_SUFFIXES)
    if rng.random() < 0.18:
        number = f"Flat {between(rng, 1, 40)}, {pick(rng, _BLOCK_NAMES)}, {between(rng, 1, 90)}"
    else:
        number = str(between(rng, 1, 160))
    return Address(
        number=number,
        street=street,
        suffix=suffix,
        town=town,
        postcode=f"{code} {inward(rng)}",
        lat=round(lat + rng.uniform(-0.012, 0.012), 5),
        lon=round(lon + rng.uniform(-0.018, 0.018), 5),
    )


def neighbour_of(rng: random.Random, home: Address) -> Address:
    """A house on the same street, a few doors away, with the same outward code."""
    base = int(home.number) if home.number.isdigit() else between(rng, 2, 80)
    number = str(max(1, base + pick(rng, (-2, -1, 1, 2, 3))))
    same_inward = rng.random() < 0.7
    postcode = home.postcode if same_inward else f"{home.postcode.split()[0]} {inward(rng)}"
    return Address(
        number, home.street, home.suffix, home.town, postcode, home.lat + 0.0002, home.lon
    )


def write_address(rng: random.Random, address: Address) -> str:
    """The address as one officer might key it (abbreviated, without town, missing comma)."""
    r = rng.random()
    suffix = address.suffix
    if r < 0.25:
        suffix = _ABBREVIATED_SUFFIX.get(suffix, suffix)
    text = f"{address.number} {address.street} {suffix}"
    if rng.random() < 0.7:
        text += f", {address.town}" if rng.random() < 0.8 else f" {address.town}"
    if rng.random() < 0.08:
        text = text.upper()
    return text


def write_postcode(rng: random.Random, postcode: str) -> str:
    r = rng.random()
    if r < 0.82:
        return postcode
    if r < 0.92:
        return postcode.replace(" ", "")
    return postcode.lower()


# Places where an incident happens that are not someone's home.
SHOPS = (
    "Tesco Express",
    "Co-op",
    "Sainsbury's Local",
    "Boots",
    "Superdrug",
    "B&M",
    "Aldi",
    "Lidl",
    "JD Sports",
    "Primark",
    "Home Bargains",
    "Wilko",
    "the One Stop",
    "the Spar",
    "Iceland",
    "Poundland",
    "TK Maxx",
    "Greggs",
)
VENUES = (
    "the Wetherspoons",
    "the Crown",
    "the Red Lion",
    "the Anchor",
    "the Kings Head",
    "the Old Ship",
    "the Railway Tavern",
    "Pryzm nightclub",
    "the kebab shop",
    "the bus station",
    "the train station",
    "the retail park",
    "the leisure centre",
    "the park",
    "the precinct",
    "the seafront",
)
WORKPLACES = (
    ("the dental surgery", "receptionist"),
    ("the GP surgery", "receptionist"),
    ("the care home", "carer"),
    ("the hospital", "nurse"),
    ("the primary school", "teaching assistant"),
    ("the call centre", "adviser"),
    ("the distribution warehouse", "picker"),
    ("the hair salon", "stylist"),
    ("the nursery", "nursery nurse"),
    ("the council offices", "admin officer"),
    ("the supermarket", "checkout assistant"),
    ("the bank", "cashier"),
    ("the estate agents", "negotiator"),
    ("the gym", "instructor"),
    ("the cafe", "barista"),
    ("the university", "student"),
    ("the college", "student"),
    ("the pharmacy", "dispenser"),
    ("the vets", "veterinary nurse"),
    ("the garage", "mechanic"),
    ("the hotel", "receptionist"),
    ("the office", "accountant"),
)
