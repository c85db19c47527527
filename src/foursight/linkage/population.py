"""Generated people and their messy mentions, for benchmarks and tests of the linkage engine.

Not the project's synthetic data generator (foursight.synth writes whole crime records): this
makes person mentions only, fast enough for a million, with the variations RMS records show:
nicknames, typos, swapped names, married names, transposed or missing dates of birth, new
phones, moves, and a nominal id on some mentions. Some records name a victim and a suspect who
recur together, as a course of conduct does. All names and details are invented.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .mentions import Mention


def _words(text: str) -> list[str]:
    return text.split()


_MALE = _words(
    "oliver george harry jack jacob noah charlie thomas oscar william james henry leo "
    "alfie joshua freddie archie ethan isaac alexander joseph edward samuel max "
    "daniel arthur lucas mohammed logan theo harrison benjamin mason sebastian finley "
    "adam dylan zachary riley teddy toby david robert michael christopher andrew paul "
    "mark richard steven anthony peter kevin gary ian stephen craig lee darren wayne "
    "jason dean carl martin simon neil jonathan matthew nicholas patrick kenneth "
    "ronald raymond gerald liam ryan connor callum kieran jordan aaron ali ahmed "
    "hassan imran tariq omar yusuf bilal"
)
_FEMALE = _words(
    "olivia amelia isla ava mia ivy lily isabella rosie sophia grace freya willow "
    "florence emily ella poppy evie elsie charlotte evelyn sienna sophie daisy phoebe "
    "sarah emma jessica hannah lauren chloe rebecca laura amy rachel katie gemma "
    "claire nicola lisa michelle kelly joanne helen louise victoria samantha natalie "
    "stephanie karen susan elizabeth margaret patricia jennifer deborah tracey donna "
    "julie angela caroline catherine alison fiona jane mary anne ruth zoe megan holly "
    "jade leanne abigail aisha fatima zainab amina maryam ayesha noor priya sana"
)
_SURNAMES = _words(
    "smith jones taylor brown williams wilson johnson davies robinson wright thompson "
    "evans walker white roberts green hall wood jackson clarke patel khan lewis james "
    "phillips mason mitchell rose davis rodriguez cox alexander morgan moore martin "
    "price hughes edwards turner baker harris hill cooper ward morris king allen "
    "clark young scott lee bennett harrison kelly campbell murphy shaw watson bell "
    "carter chapman ellis fletcher grant hunt knight lloyd marshall mills owen palmer "
    "parker pearson reid richardson russell simpson stevens stewart webb wells begum "
    "ali hussain ahmed singh kaur obrien oconnor mcdonald macleod fitzgerald "
    "smith-jones ferguson gallagher"
)
_SYLLABLES = _words(
    "ab ad al an ar as ash bar bel ben bur by car chel cot dal den der don ell en er "
    "fen ford gar ham har hurst ing kin lan ley lin low mar mer mil mor ney nor ock "
    "pen per rad ran ridge row sal sel son stan ster ton tre wick win worth yar"
)
_STREETS = _words(
    "high church station park victoria green manor kings queens mill school elm oak "
    "ash beech cedar willow grange meadow orchard chapel bridge north south west east"
)
_STREET_KINDS = ["street", "road", "lane", "avenue", "close", "drive", "way", "crescent"]
_NICKNAMES = {
    "robert": "bob",
    "william": "bill",
    "richard": "rick",
    "james": "jim",
    "michael": "mike",
    "thomas": "tom",
    "christopher": "chris",
    "daniel": "dan",
    "anthony": "tony",
    "andrew": "andy",
    "alexander": "alex",
    "samuel": "sam",
    "benjamin": "ben",
    "edward": "ted",
    "stephen": "steve",
    "matthew": "matt",
    "nicholas": "nick",
    "joseph": "joe",
    "elizabeth": "liz",
    "margaret": "maggie",
    "catherine": "kate",
    "rebecca": "becky",
    "victoria": "vicky",
    "jennifer": "jenny",
    "samantha": "sam",
    "deborah": "debbie",
    "susan": "sue",
    "patricia": "trish",
    "mohammed": "muhammad",
    "jonathan": "jon",
    "kenneth": "ken",
    "abigail": "abby",
}


@dataclass(frozen=True)
class Individual:
    individual_id: str
    gender: str
    forename: str
    surname: str
    dob: date
    phones: tuple[str, ...]
    email: str | None
    addresses: tuple[tuple[str, str], ...]  # (address, postcode)
    handles: tuple[str, ...]
    nominal: str


def _zipf_pick(rng: random.Random, items: list[str], tail: float) -> str:
    """A common name most of the time, an invented rare one sometimes (names have a long tail)."""
    if rng.random() < tail:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 2, 3))))
    index = min(int(rng.paretovariate(0.9)) - 1, len(items) - 1)
    return items[index]


def _postcode(rng: random.Random) -> str:
    area = rng.choice(["LS", "M", "B", "S", "L", "BD", "NE", "SW", "E", "N", "CF", "BS", "NG"])
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    inward = f"{rng.randint(0, 9)}{rng.choice(letters)}{rng.choice(letters)}"
    return f"{area}{rng.randint(1, 29)} {inward}"


def _address(rng: random.Random) -> tuple[str, str]:
    street = f"{rng.choice(_STREETS).title()} {rng.choice(_STREET_KINDS).title()}"
    return (f"{rng.randint(1, 220)} {street}", _postcode(rng))


def _phone(rng: random.Random) -> str:
    return f"07{rng.randint(100, 999)}{rng.randint(100000, 999999)}"


def individual(rng: random.Random, number: int) -> Individual:
    gender = rng.choice("mf")
    forename = _zipf_pick(rng, _MALE if gender == "m" else _FEMALE, 0.25)
    surname = _zipf_pick(rng, _SURNAMES, 0.45)
    born = date(1950, 1, 1) + timedelta(days=rng.randint(0, 365 * 58))
    phones = tuple(_phone(rng) for _ in range(rng.choice((1, 1, 2, 3))))
    email = (
        f"{forename}.{surname}{rng.randint(1, 99_999)}@"
        f"{rng.choice(['gmail.com', 'hotmail.co.uk', 'outlook.com'])}"
        if rng.random() < 0.6
        else None
    )
    addresses = tuple(_address(rng) for _ in range(rng.choice((1, 1, 2))))
    handles = (
        (f"{forename[:3]}{surname[:4]}_{rng.randint(1, 999_999)}",) if rng.random() < 0.4 else ()
    )
    return Individual(
        f"I{number:07d}",
        gender,
        forename,
        surname,
        born,
        phones,
        email,
        addresses,
        handles,
        f"N{number:07d}",
    )


def _typo(rng: random.Random, text: str) -> str:
    if len(text) < 4:
        return text
    i = rng.randrange(1, len(text) - 1)
    kind = rng.random()
    if kind < 0.35:
        return text[:i] + text[i + 1 :]  # dropped letter
    if kind < 0.7:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]  # swapped letters
    return text[:i] + rng.choice("aeioulnrst") + text[i + 1 :]


def _style(rng: random.Random, text: str) -> str:
    roll = rng.random()
    if roll < 0.5:
        return text.title()
    if roll < 0.8:
        return text.upper()
    return text


def _phone_style(rng: random.Random, phone: str) -> str:
    roll = rng.random()
    if roll < 0.4:
        return phone
    if roll < 0.7:
        return f"{phone[:5]} {phone[5:]}"
    if roll < 0.9:
        return f"+44 {phone[1:5]} {phone[5:]}"
    return f"+44 (0){phone[1:]}"


def mention_of(
    rng: random.Random, person: Individual, source_ref: str, index: int, *, ref_rate: float
) -> Mention:
    forename, surname = person.forename, person.surname
    if rng.random() < 0.08 and forename in _NICKNAMES:
        forename = _NICKNAMES[forename]
    if rng.random() < 0.05:
        forename = _typo(rng, forename)
    if rng.random() < 0.06:
        surname = _typo(rng, surname)
    if person.gender == "f" and rng.random() < 0.04:
        surname = _zipf_pick(rng, _SURNAMES, 0.4)  # married or maiden name
    dob: str | None = person.dob.isoformat()
    roll = rng.random()
    if roll < 0.35:
        dob = None
    elif roll < 0.38 and person.dob.day <= 12:
        dob = f"{person.dob.year:04d}-{person.dob.day:02d}-{person.dob.month:02d}"
    elif roll < 0.40:
        dob = (person.dob + timedelta(days=rng.choice((-1, 1, 10, -10, 365)))).isoformat()
    address, postcode = rng.choice(person.addresses)
    if rng.random() < 0.15:
        address, postcode = _address(rng)  # moved
    has_address = rng.random() < 0.6
    phone = rng.choice(person.phones) if rng.random() < 0.5 else None
    if phone and rng.random() < 0.15:
        phone = _phone(rng)  # a new phone
    mention = Mention(
        mention_id=f"{source_ref}#{index}",
        source_ref=source_ref,
        index=index,
        source_kind="crime",
        role=rng.choice(["victim", "suspect", "witness"]),
        person_ref=person.nominal if rng.random() < ref_rate else None,
        forename=_style(rng, forename) if rng.random() > 0.01 else None,
        surname=_style(rng, surname),
        dob=dob,
        gender=(person.gender.upper() if rng.random() < 0.8 else None),
        address=address if has_address else None,
        postcode=postcode if has_address and rng.random() < 0.8 else None,
        phone=_phone_style(rng, phone) if phone else None,
        email=person.email if person.email and rng.random() < 0.25 else None,
        handles=tuple(f"@{h}" for h in person.handles) if rng.random() < 0.5 else (),
        event_date=None,
    )
    if rng.random() < 0.02 and mention.forename and mention.surname:
        mention = replace(mention, forename=mention.surname, surname=mention.forename)
    return mention


def generate(
    mentions: int,
    *,
    seed: int = 1,
    ref_rate: float = 0.0,
    mentions_per_person: float = 3.0,
    pair_rate: float = 0.3,
) -> tuple[list[Mention], dict[str, str]]:
    """``mentions`` mentions of about mentions/mentions_per_person people, and the truth.

    Most records name one person; a share ``pair_rate`` of them name a victim and a suspect
    from a pool of relationships that recur (a course of conduct), so the linkage's context
    evidence has co-mentions to work on. Returns the mentions and
    ``{mention_id: individual_id}``.
    """
    rng = random.Random(seed)
    people = [individual(rng, n) for n in range(max(1, int(mentions / mentions_per_person)))]
    # Pairs of people who recur together: about one person in ten is in one.
    couples = [
        (rng.randrange(len(people)), rng.randrange(len(people)))
        for _ in range(max(1, len(people) // 20))
    ]

    def skewed(items: int) -> int:
        # A few people appear very often (prolific offenders, repeat victims).
        if rng.random() < 0.6:
            return rng.randrange(items)
        return int((rng.paretovariate(1.2) - 1) * items / 50) % items

    out: list[Mention] = []
    truth: dict[str, str] = {}
    record = 0
    while len(out) < mentions:
        ref = f"C{record:08d}"
        named: list[tuple[Individual, str | None]]
        if record < len(people):
            named = [(people[record], None)]  # everyone is named at least once
        elif rng.random() < pair_rate:
            victim, suspect = couples[skewed(len(couples))]
            named = [(people[victim], "victim"), (people[suspect], "suspect")]
        else:
            named = [(people[skewed(len(people))], None)]
        for index, (person, role) in enumerate(named[: mentions - len(out)]):
            mention = mention_of(rng, person, ref, index, ref_rate=ref_rate)
            if role:
                mention = replace(mention, role=role)
            out.append(mention)
            truth[mention.mention_id] = person.individual_id
        record += 1
    rng.shuffle(out)
    return out, truth


def iter_individuals(count: int, seed: int = 1) -> Iterator[Individual]:
    rng = random.Random(seed)
    for number in range(count):
        yield individual(rng, number)
