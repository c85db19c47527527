"""Names of the many origins found in England and Wales, and the ways officers write them.

Each origin has female and male forenames and surnames. The weights are rough shares of the
population of England and Wales, not census figures. ``NICKNAMES`` and ``SPELLINGS`` hold the
short forms and alternative spellings that make one person look like several on an RMS.
"""

from __future__ import annotations

import itertools
import random
import unicodedata

from .rand import between, pick, weighted

# (origin, weight, female forenames, male forenames, surnames)
_ORIGINS: list[tuple[str, float, str, str, str]] = [
    (
        "english",
        58.0,
        "Olivia Amelia Isla Ava Emily Sophie Grace Lily Chloe Ella Jessica Charlotte Hannah Lucy "
        "Emma Sarah Laura Rebecca Rachel Samantha Gemma Kelly Lisa Claire Nicola Joanne Michelle "
        "Amy Katie Megan Holly Jade Leanne Stacey Natalie Victoria Elizabeth Katherine Catherine "
        "Jennifer Susan Karen Julie Tracey Deborah Margaret Patricia Jacqueline Helen Alison "
        "Louise Zoe Abigail Danielle Kirsty Paige Courtney Freya Poppy Evie Phoebe Georgia "
        "Eleanor Harriet Bethany Stephanie Christine Lindsay Ashleigh Kayleigh Shannon Lauren",
        "Oliver George Harry Jack Jacob Charlie Thomas Oscar William James Joshua Daniel Matthew "
        "Christopher Michael David Andrew Paul Mark Richard Robert Stephen Steven Peter John "
        "Anthony Simon Lee Craig Dean Wayne Darren Gary Kevin Jason Scott Ryan Liam Connor Kieran "
        "Jordan Nathan Adam Luke Benjamin Samuel Alexander Edward Joseph Jamie Ashley Carl Neil "
        "Stuart Keith Brian Alan Philip Martin Graham Ian Tyler Mason Alfie Archie Reece Bradley "
        "Kyle Jake Nicholas Jonathan Timothy Gareth Shane Terence Raymond",
        "Smith Taylor Brown Wilson Johnson Robinson Wright Thompson Walker White Green Hall Wood "
        "Jackson Clarke Harris Turner Hill Moore Cooper Ward Morris King Baker Harrison Allen "
        "James Scott Phillips Watson Parker Bennett Young Mitchell Cook Carter Richardson Bailey "
        "Collins Bell Shaw Cox Richards Webb Wilkinson Marshall Simpson Ellis Chapman Mason "
        "Holmes Dixon Knight Hunt Palmer Barnes Fletcher Butler Russell Pearce Stevens Gibson "
        "Hayes Lawrence Hart Foster Barker Spencer Newman Pearson Holland Cartwright Fisher "
        "Sutton Payne Hudson Burton Dawson Atkinson Chambers Rowe Sharpe Lambert Gardner Booth "
        "Hewitt Ashworth Whitehouse Pickering Goddard Heath Matthews Gray Reid Kemp Lowe Howard "
        "Carpenter Slater Bishop Fowler Stone Tucker Webster Lucas Osborne Hobbs Dyer Blake",
    ),
    (
        "welsh",
        4.0,
        "Cerys Seren Ffion Carys Bethan Angharad Nia Sian Rhian Catrin Eleri Lowri Mared Gwen "
        "Rhiannon Elin Manon Ceri Awen Megan",
        "Dafydd Rhys Gethin Iwan Owain Gareth Huw Emyr Ieuan Aled Dylan Osian Cai Geraint Llyr "
        "Tomos Rhodri Gruffydd Idris Morgan",
        "Jones Williams Davies Evans Thomas Roberts Lewis Hughes Morgan Griffiths Edwards Owen "
        "Price Jenkins Powell Rees Pritchard Vaughan Llewellyn Bevan Prosser Parry Pugh Howells "
        "Probert Gwynne Rowlands Meredith Bowen Lloyd",
    ),
    (
        "scottish",
        3.0,
        "Eilidh Isla Kirsty Fiona Morag Ailsa Catriona Mhairi Shona Iona Lorna Moira Skye Rhona",
        "Callum Euan Fraser Hamish Angus Lachlan Alasdair Finlay Ruaridh Duncan Ewan Craig "
        "Gregor Murray Struan Kenneth Hector",
        "MacDonald Campbell Stewart Robertson Murray MacLeod Fraser Ross Henderson Paterson "
        "Mackenzie Cameron Grant Sinclair Ferguson Douglas Crawford Buchanan Munro Mackay Kerr "
        "McGregor Drummond Forbes Gordon Hamilton Wallace",
    ),
    (
        "irish",
        3.5,
        "Siobhan Niamh Aoife Ciara Orla Roisin Saoirse Sinead Caoimhe Grainne Aisling Clodagh "
        "Deirdre Maeve Nuala Eimear Bronagh",
        "Sean Ciaran Padraig Eoin Cian Declan Conor Darragh Oisin Fergal Colm Donal Eamon Liam "
        "Ronan Cathal Niall",
        "Murphy O'Brien O'Sullivan Kelly Byrne Ryan O'Connor O'Neill Walsh McCarthy Doyle "
        "Gallagher Kennedy Lynch Quinn Brennan Flanagan Fitzgerald Doherty Kavanagh O'Reilly "
        "Maguire Nolan Duffy Moran Hegarty Callaghan McGuinness Daly Keane",
    ),
    (
        "pakistani",
        3.5,
        "Aisha Fatima Zainab Maryam Amina Hafsa Sana Nadia Ayesha Samina Rubina Shazia Saima "
        "Farah Iqra Mehwish Sadia Uzma Nabila Khadija",
        "Mohammed Muhammad Ahmed Ali Hassan Imran Usman Bilal Zain Omar Adil Faisal Tariq Asif "
        "Kamran Rizwan Waqas Shahid Amir Haroon Junaid Naveed Zeeshan Adnan",
        "Khan Ahmed Hussain Ali Shah Iqbal Akhtar Mahmood Rehman Butt Malik Mirza Qureshi Aslam "
        "Rashid Chaudhry Javed Anwar Saeed Bashir Raza Nawaz Riaz",
    ),
    (
        "indian",
        3.0,
        "Priya Anjali Pooja Neha Kavita Sunita Harpreet Gurpreet Manpreet Simran Jaspreet "
        "Rupinder Anita Meera Nisha Divya Asha Reena Sapna Kiran",
        "Arjun Rahul Vikram Sanjay Rajesh Ravi Amit Deepak Harjit Gurdeep Jaswinder Sukhdev "
        "Manjit Rohan Nikhil Sunil Vijay Ajay Kuldip Hardeep",
        "Patel Sharma Singh Gill Sandhu Sidhu Dhillon Bains Kumar Mistry Chauhan Parmar Joshi "
        "Mehta Desai Shah Rai Bhatt Grewal Johal Sangha Kaur",
    ),
    (
        "bangladeshi",
        1.5,
        "Shabana Rukhsana Tasnim Nusrat Fahmida Sabrina Shirin Rumana Taslima Jesmin Sumaiya",
        "Shakil Abdul Rafiq Jamal Sohel Shamim Monir Jahangir Anwar Kamal Rubel Sajid Mizanur",
        "Miah Uddin Rahman Islam Hoque Ahmed Chowdhury Sarker Begum Ali Hossain Khatun",
    ),
    (
        "black_african",
        3.0,
        "Adaeze Chioma Ngozi Funmilayo Folake Temitope Blessing Precious Abimbola Yetunde Amara "
        "Chidinma Nkechi Efua Akosua Ama Abena Hodan Ayan Sahra Fartun Ifeoma",
        "Oluwaseun Olumide Babajide Adebayo Chukwuemeka Chinedu Obinna Ikenna Kwame Kofi "
        "Kwabena Yaw Tunde Femi Segun Abdirahman Abdi Hamza Mohamed Emmanuel Samuel Godfrey",
        "Okafor Okonkwo Adeyemi Adebayo Oluwole Ogunleye Eze Nwosu Obi Chukwu Mensah Owusu "
        "Boateng Asante Osei Appiah Danso Mohamed Abdi Hassan Warsame Farah Mohamud Adeleke "
        "Olawale Nwachukwu",
    ),
    (
        "black_caribbean",
        2.0,
        "Keisha Shanice Tanisha Latoya Monique Jasmine Marcia Beverley Hyacinth Janelle Simone "
        "Sharon Paulette Claudette Jodie-Ann",
        "Dwayne Delroy Leon Marcus Tyrone Jermaine Winston Errol Courtney Andre Kareem Devon "
        "Leroy Clive Lloyd",
        "Campbell Williams Thomas Francis Grant Clarke Reid Brown Edwards Henry Gayle Bailey "
        "Forde Samuels Morrison Powell Robinson Lewis Murray Stewart",
    ),
    (
        "polish",
        3.0,
        "Anna Katarzyna Małgorzata Agnieszka Joanna Magdalena Monika Aleksandra Natalia "
        "Karolina Ewa Justyna Paulina Dorota Marta Iwona Beata Weronika",
        "Piotr Paweł Tomasz Krzysztof Michał Marcin Łukasz Jakub Kamil Mateusz Adam Grzegorz "
        "Dariusz Rafał Mariusz Andrzej Marek Wojciech Bartosz Szymon",
        "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański "
        "Woźniak Dąbrowski Kozłowski Jankowski Mazur Krawczyk Piotrowski Grabowski Pawlak "
        "Michalski Wróbel",
    ),
    (
        "other_east_european",
        2.0,
        "Ioana Elena Andreea Simona Ieva Ilona Oksana Olena Zuzana Daniela Alina Raluca Rasa "
        "Kristina",
        "Ionut Andrei Florin Mihai Tomas Mindaugas Darius Jonas Vasile Dmytro Oleksandr "
        "Bogdan Marius Valentin Lukas",
        "Popescu Ionescu Popa Stan Dumitru Constantin Munteanu Kazlauskas Jankauskas "
        "Petrauskas Shevchenko Kovalenko Bondarenko Tkachenko Horvath Novak Dvorak Petrov",
    ),
    (
        "chinese",
        1.2,
        "Mei Li Na Xiao Yan Ying Jing Hui Ling Xin Yue Qian Fang",
        "Wei Jun Hao Lei Jian Ming Tao Bo Zhi Yong Kai Feng",
        "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Lin Ng Wong Chan Leung Cheung Lam Ho "
        "Tang Lau",
    ),
    (
        "arabic",
        1.8,
        "Layla Noor Mariam Rania Huda Salma Yasmin Amal Dina Rana Lina Hanan Samira",
        "Ahmad Khalid Youssef Omar Karim Tarek Samir Hussein Mahmoud Ibrahim Mustafa Nabil "
        "Rami Walid Hamza Bashir",
        "Al-Hassan Haddad Nasser Saleh Khalil Mansour Hamdan Aziz Al-Sayed El-Masri Abdullah "
        "Darwish Farouk Ibrahim Suleiman Younis",
    ),
    (
        "southern_european",
        2.0,
        "Francesca Giulia Chiara Ana Beatriz Mariana Sofia Ayse Zeynep Elif Maria Eleni Georgia",
        "Giuseppe Marco Luca Alessandro Joao Pedro Tiago Mehmet Emre Mustafa Kemal Nikos "
        "Dimitris Carlos",
        "Rossi Russo Ferrari Esposito Bianchi Silva Santos Ferreira Pereira Costa Yilmaz Kaya "
        "Demir Celik Papadopoulos Georgiou Fernandes Gomes",
    ),
    (
        "filipino",
        0.5,
        "Maricel Joy Rowena Cristina Analyn Jocelyn Rosalie",
        "Jose Ramon Rodel Jericho Arnel Mark Joel",
        "Santos Reyes Cruz Bautista Garcia Mendoza Dela Cruz Villanueva Ramos Aquino",
    ),
]

# Surnames only a woman carries in these origins, and only a man.
FEMALE_ONLY_SURNAMES = frozenset({"Begum", "Bibi", "Kaur", "Khatun"})
MALE_ONLY_SURNAMES = frozenset({"Singh"})

# Names written as two words in the tables above.
_TWO_WORD = frozenset({"Li Na", "Dela Cruz"})


def _split(words: str) -> tuple[str, ...]:
    tokens = words.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        pair = " ".join(tokens[i : i + 2])
        if pair in _TWO_WORD:
            out.append(pair)
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return tuple(out)


ORIGINS: tuple[str, ...] = tuple(o[0] for o in _ORIGINS)
ORIGIN_WEIGHTS: tuple[float, ...] = tuple(o[1] for o in _ORIGINS)
_ORIGIN_CUMULATIVE = tuple(itertools.accumulate(ORIGIN_WEIGHTS))
FEMALE: dict[str, tuple[str, ...]] = {o[0]: _split(o[2]) for o in _ORIGINS}
MALE: dict[str, tuple[str, ...]] = {o[0]: _split(o[3]) for o in _ORIGINS}
SURNAMES: dict[str, tuple[str, ...]] = {o[0]: _split(o[4]) for o in _ORIGINS}

# Origins where the family name is often written first, or the order is often mixed up.
ORDER_CONFUSED = frozenset({"chinese", "pakistani", "bangladeshi", "indian", "arabic"})

# Polish surnames change form with gender.
_POLISH_FEMININE = {"ski": "ska", "cki": "cka", "dzki": "dzka"}


def gendered_surname(surname: str, origin: str, gender: str) -> str:
    if origin == "polish" and gender == "F":
        for masc, fem in _POLISH_FEMININE.items():
            if surname.endswith(masc):
                return surname[: -len(masc)] + fem
    if origin == "other_east_european" and gender == "F" and surname.endswith("as"):
        return surname[:-2] + "ienė"
    return surname


def opposite_gender_form(surname: str) -> str | None:
    """The other gender's form of a Polish or Lithuanian surname (a common recording slip)."""
    for masc, fem in _POLISH_FEMININE.items():
        if surname.endswith(fem):
            return surname[: -len(fem)] + masc
        if surname.endswith(masc):
            return surname[: -len(masc)] + fem
    if surname.endswith("ienė"):
        return surname[:-4] + "as"
    return None


NICKNAMES: dict[str, tuple[str, ...]] = {
    "Robert": ("Bob", "Rob", "Robbie", "Bobby"),
    "William": ("Will", "Bill", "Billy"),
    "James": ("Jim", "Jimmy", "Jamie"),
    "John": ("Johnny", "Jack"),
    "Thomas": ("Tom", "Tommy"),
    "Michael": ("Mike", "Mick", "Mikey"),
    "Christopher": ("Chris",),
    "Daniel": ("Dan", "Danny"),
    "Matthew": ("Matt",),
    "Andrew": ("Andy", "Drew"),
    "Anthony": ("Tony", "Ant"),
    "Stephen": ("Steve", "Stevie"),
    "Steven": ("Steve", "Stevie"),
    "Richard": ("Rich", "Ricky", "Richie"),
    "Joseph": ("Joe", "Joey"),
    "Benjamin": ("Ben", "Benji"),
    "Samuel": ("Sam", "Sammy"),
    "Alexander": ("Alex", "Al"),
    "Edward": ("Ed", "Eddie", "Ted"),
    "Nicholas": ("Nick", "Nicky"),
    "Jonathan": ("Jon", "Jonny"),
    "David": ("Dave", "Davey"),
    "Peter": ("Pete",),
    "Philip": ("Phil",),
    "Kenneth": ("Ken", "Kenny"),
    "Gareth": ("Gaz",),
    "Gary": ("Gaz",),
    "Joshua": ("Josh",),
    "Nathan": ("Nate",),
    "Timothy": ("Tim",),
    "Terence": ("Terry",),
    "Raymond": ("Ray",),
    "Bradley": ("Brad",),
    "Callum": ("Cal",),
    "Oliver": ("Ollie",),
    "Alfie": ("Alf",),
    "Elizabeth": ("Liz", "Beth", "Lizzie"),
    "Katherine": ("Kate", "Katie", "Kath", "Kat"),
    "Catherine": ("Cath", "Cathy", "Kate"),
    "Rebecca": ("Becky", "Becca", "Bex"),
    "Samantha": ("Sam", "Sammy"),
    "Jennifer": ("Jen", "Jenny"),
    "Victoria": ("Vicky", "Tori", "Vic"),
    "Margaret": ("Maggie", "Peggy", "Mags"),
    "Susan": ("Sue", "Susie"),
    "Deborah": ("Debbie", "Debs"),
    "Jacqueline": ("Jackie",),
    "Patricia": ("Pat", "Trish"),
    "Christine": ("Chris", "Chrissy"),
    "Abigail": ("Abi", "Abby"),
    "Natalie": ("Nat",),
    "Nicola": ("Nicky", "Nic"),
    "Jessica": ("Jess",),
    "Charlotte": ("Lottie", "Charlie"),
    "Eleanor": ("Ellie", "Nell"),
    "Danielle": ("Dani",),
    "Stephanie": ("Steph",),
    "Joanne": ("Jo",),
    "Amelia": ("Millie",),
    "Olivia": ("Liv",),
    "Georgia": ("Georgie",),
    "Bethany": ("Beth",),
    "Dafydd": ("Dai", "Dewi"),
    "Katarzyna": ("Kasia", "Kate"),
    "Małgorzata": ("Gosia", "Margaret"),
    "Agnieszka": ("Aga",),
    "Joanna": ("Asia", "Jo"),
    "Magdalena": ("Magda",),
    "Aleksandra": ("Ola", "Alex"),
    "Tomasz": ("Tomek", "Tom"),
    "Krzysztof": ("Krzys", "Chris"),
    "Michał": ("Michael", "Mike"),
    "Łukasz": ("Luke",),
    "Piotr": ("Peter",),
    "Paweł": ("Paul",),
    "Jakub": ("Kuba", "Jacob"),
    "Mateusz": ("Matt",),
    "Mohammed": ("Mo", "Mohd"),
    "Muhammad": ("Mo", "Mohd"),
    "Oluwaseun": ("Seun",),
    "Adebayo": ("Bayo",),
    "Babajide": ("Jide",),
    "Olumide": ("Mide",),
    "Temitope": ("Tope", "Temi"),
    "Funmilayo": ("Funmi",),
    "Chukwuemeka": ("Emeka",),
    "Chinedu": ("Nedu",),
    "Ikenna": ("Ike",),
    "Kwabena": ("Kobby",),
    "Abdirahman": ("Abdi",),
    "Alessandro": ("Alex",),
    "Giuseppe": ("Joe", "Beppe"),
    "Oleksandr": ("Sasha", "Alex"),
    "Andrei": ("Andy",),
    "Ionut": ("John",),
    "Padraig": ("Pat",),
}

# Alternative spellings of the same name (each group holds interchangeable forms).
_SPELLING_GROUPS: list[tuple[str, ...]] = [
    ("Mohammed", "Muhammad", "Mohammad", "Mohamed", "Mohamad"),
    ("Stephen", "Steven"),
    ("Catherine", "Katherine", "Kathryn"),
    ("Sean", "Shaun", "Shawn"),
    ("Zoe", "Zoë"),
    ("Leanne", "Lianne"),
    ("Rachel", "Rachael"),
    ("Hannah", "Hanna"),
    ("Sarah", "Sara"),
    ("Philip", "Phillip"),
    ("Alan", "Allan"),
    ("Neil", "Neal"),
    ("Graham", "Graeme"),
    ("Ashley", "Ashleigh"),
    ("Lindsay", "Lindsey"),
    ("Kirsty", "Kirstie"),
    ("Stacey", "Stacy"),
    ("Ahmed", "Ahmad"),
    ("Hussain", "Hussein", "Husain"),
    ("Chowdhury", "Choudhury"),
    ("Chaudhry", "Chaudhary"),
    ("Rahman", "Rehman"),
    ("Mahmood", "Mahmud", "Mehmood"),
    ("Siobhan", "Shivaun"),
    ("Niamh", "Neve"),
    ("Ciaran", "Kieran"),
    ("Eoin", "Owen"),
    ("Thompson", "Thomson"),
    ("MacDonald", "McDonald", "Macdonald"),
    ("Mackenzie", "McKenzie"),
    ("MacLeod", "McLeod", "Macleod"),
    ("Clarke", "Clark"),
    ("Reid", "Read"),
    ("Gray", "Grey"),
    ("Mackay", "McKay"),
    ("Kayleigh", "Kayley", "Caleigh"),
    ("Jodie-Ann", "Jodi-Ann", "Jodie Ann"),
    ("Yusuf", "Youssef", "Yousef"),
    ("Ibrahim", "Ebrahim"),
    ("Matthews", "Mathews"),
    ("Phillips", "Philips"),
    ("Al-Hassan", "Alhassan", "Al Hassan", "El-Hassan"),
    ("Al-Sayed", "Alsayed", "El-Sayed"),
    ("El-Masri", "Elmasri", "Al-Masri"),
    ("Mohamud", "Mohamoud", "Mahamud"),
    ("Oluwaseun", "Oluwasegun"),
    ("Ng", "Ngh"),
    ("Dela Cruz", "Delacruz", "De La Cruz"),
    ("Tanisha", "Tenisha"),
    ("Jermaine", "Germaine"),
    ("Krzysztof", "Krystof"),
]

SPELLINGS: dict[str, tuple[str, ...]] = {}
for _group in _SPELLING_GROUPS:
    for _name in _group:
        SPELLINGS[_name] = tuple(n for n in _group if n != _name)

_KEYBOARD_NEIGHBOURS = {
    "a": "sqz",
    "b": "vn",
    "c": "xv",
    "d": "sf",
    "e": "wr",
    "f": "dg",
    "g": "fh",
    "h": "gj",
    "i": "uo",
    "j": "hk",
    "k": "jl",
    "l": "k",
    "m": "n",
    "n": "bm",
    "o": "ip",
    "p": "o",
    "r": "et",
    "s": "ad",
    "t": "ry",
    "u": "yi",
    "v": "cb",
    "w": "qe",
    "y": "tu",
}


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    text = text.replace("ł", "l").replace("Ł", "L")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def typo(rng: random.Random, word: str) -> str:
    """One plausible keying slip: dropped, doubled, swapped or neighbouring letter."""
    if len(word) < 4:
        return word
    i = between(rng, 1, len(word) - 1)
    kind = rng.random()
    if kind < 0.3:
        return word[:i] + word[i + 1 :]
    if kind < 0.5:
        return word[:i] + word[i] + word[i:]
    if kind < 0.75:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    near = _KEYBOARD_NEIGHBOURS.get(word[i].lower())
    if not near:
        return word[:i] + word[i + 1 :]
    return word[:i] + pick(rng, near) + word[i + 1 :]


def pick_origin(rng: random.Random) -> str:
    return weighted(rng, ORIGINS, _ORIGIN_CUMULATIVE)


def pick_forename(rng: random.Random, origin: str, gender: str) -> str:
    pool = FEMALE[origin] if gender == "F" else MALE[origin]
    return pick(rng, pool)


def pick_surname(rng: random.Random, origin: str, gender: str) -> str:
    pool = SURNAMES[origin]
    while True:
        name = pick(rng, pool)
        if gender == "M" and name in FEMALE_ONLY_SURNAMES:
            continue
        if gender == "F" and name in MALE_ONLY_SURNAMES:
            continue
        return gendered_surname(name, origin, gender)
