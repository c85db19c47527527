"""Phrases for everyday crime (the bulk of a force's records) and for alarming one-off events.

Everyday crime uses many words a naive stalking detector would trip on: followed by a second
male, watched CCTV, left a note with a neighbour, messages about the sale, tracker, loitering.
One-off events read alarmingly (a threat to kill, a message from an ex) but happen once.
"""

from __future__ import annotations

from typing import Any

# kind -> weight, classes, people pattern, scenarios (an opening with the details that fit
# it), generic details and lines of enquiry. In a people pattern "suspect?" means a suspect is
# named on some records only.
BACKGROUND: dict[str, dict[str, Any]] = {
    "shoplifting": {
        "weight": 18.0,
        "classes": ("46",),
        "people": ("reporter", "suspect?"),
        "goods": "shop",
        "scenarios": (
            (
                "[Male|Female|Unknown male|A male|A female|Two males] [entered|came into] {shop} "
                "[at|around] {shop_time} and [selected|concealed|took] {goods} [before "
                "leaving|then "
                "left] without [paying|making any attempt to pay]",
                (
                    "[Followed by|Then joined by|Accompanied by] a second [male|female] who "
                    "[distracted staff|acted as lookout|held the door]",
                    "Staff member [approached|challenged] the [suspect|offender] [who became "
                    "abusive|"
                    "who dropped some of the items|who pushed past]",
                ),
            ),
            (
                "[Staff|Store detective|Security] [watched|monitored] [the male|the female|the "
                "suspect] on CCTV [concealing|putting] {goods} [in a bag|down {shis} jacket|in a "
                "rucksack] at {shop}",
                (
                    "[Staff|Security] [stopped|detained] {So} [at the door|outside] <and recovered "
                    "the goods>",
                    "{S} [ran off|made off] when [challenged|approached]",
                ),
            ),
            (
                "Theft from {shop}: {goods} [taken|stolen] by [a known shoplifter|an unknown "
                "male|two females]",
                ("[Same suspect|Same offender] [has been in|came in] {times} this [week|month]",),
            ),
            (
                "{S} [walked out of|left] {shop} with {goods} [past the tills|through the fire "
                "exit] <at {shop_time}>",
                ("Staff [followed|went after] {shim} [to the car park|outside] but lost sight",),
            ),
        ),
        "detail": (
            "[Known shoplifter|Regular offender|Prolific offender] [recognised by staff|known to "
            "the store|identified from CCTV stills]",
            "Value [approx|approximately|totalling] £{amount}",
            "[Suspect|Offender] [left|made off] [towards|in the direction of] {street} <on foot>",
        ),
        "enquiry": (
            "[CCTV to be reviewed|CCTV obtained|Stills circulated|Staff to email CCTV]",
            "[Banned from store|Store ban issued|Exclusion notice served]",
            "[No|Limited] lines of enquiry",
        ),
    },
    "theft_other": {
        "weight": 9.0,
        "classes": ("49",),
        "people": ("victim",),
        "goods": "home",
        "scenarios": (
            (
                "{Vp} [bike|bicycle|e-scooter] was [taken|stolen] from [outside {shop}|the rack at "
                "the station|{vhis} front garden|the communal bike store] {when}",
                (
                    "[Neighbour|Witness] [saw|watched] [a male|two youths] [cycling off|riding "
                    "off] "
                    "on it",
                    "[Lock cut|Cable lock cut|Lock left on the ground]",
                    "[Frame number|Serial number] [recorded|circulated]",
                ),
            ),
            (
                "Parcel left on the doorstep by the courier was [taken|stolen]; [doorbell|Ring] "
                "camera shows [a female|a male] [walking up the path|taking it] at {shop_time}",
                (
                    "Courier [says they left a note|left a card] through the door",
                    "[Neighbour|A neighbour] [had seen|saw] a [male|female] [following the "
                    "delivery "
                    "van|walking from door to door] earlier",
                ),
            ),
            (
                "[Tools|A lawnmower|Garden furniture] [taken|stolen] from {Vp} [shed|garden|"
                "garage] [overnight|while {vshe} was away]",
                ("[Padlock|Shed door] [forced|broken]",),
            ),
            (
                "{V} left {vhis} [phone|wallet|bag] on a table in {venue} and it was gone when "
                "{vshe} [went back|returned]",
                (
                    "{V} used Find My to [locate|track] the phone [to an address on "
                    "{street}|moving "
                    "towards the town centre]",
                    "Staff [watched|checked] CCTV but the table is out of view",
                ),
            ),
        ),
        "detail": (
            "Value approx £{amount}",
            "[No CCTV|No witnesses|CCTV in the area to be checked]",
        ),
        "enquiry": ("[Crime number given for insurance|Advised re insurance]",),
    },
    "theft_from_vehicle": {
        "weight": 7.0,
        "classes": ("45",),
        "people": ("victim",),
        "goods": "car",
        "scenarios": (
            (
                "[Window|Rear window|Passenger window] smashed and {goods} taken from {Vp} "
                "[car|van] parked on {street} [overnight|{when}]",
                (
                    "[Neighbour|A witness] heard glass breaking and [watched|saw] [a male|two "
                    "males] "
                    "[from the window|leave in a dark hatchback]",
                ),
            ),
            (
                "Catalytic converter [cut from|removed from] {Vp} [car|Prius|van] [overnight|while "
                "parked at work]",
                ("[Neighbour|A witness] heard [a grinder|a loud noise] at {night_time}",),
            ),
            (
                "Tools [stolen|taken] from {Vp} van overnight; [lock punched|van forced|side door "
                "peeled]",
                ("Third van on the street [done|hit] this month",),
            ),
        ),
        "detail": (
            "[Doorbell camera|Dashcam] [captured|shows] [a hooded male|two males] at {night_time}",
            "Value approx £{amount}",
        ),
        "enquiry": (
            "[CSI|SOCO] [attended|requested]; [no marks|glass swabbed|nothing recovered]",
            "[House-to-house|Door knocking] [completed|negative]",
        ),
    },
    "theft_of_vehicle": {
        "weight": 4.0,
        "classes": ("48",),
        "people": ("victim",),
        "goods": "car",
        "scenarios": (
            (
                "{Vp} {vehicle} [taken|stolen] from outside {vhis} address overnight",
                ("Keys [still with owner|not taken]; [possible relay attack|keyless entry]",),
            ),
            (
                "{V} [woke|returned home] to find {vhis} {vehicle} [gone|missing] from [the drive|"
                "{street}]",
                (
                    "Vehicle [later recovered|located] via [the tracker|a tracker fitted by the "
                    "owner|ANPR] [on {street}|abandoned in a lay-by]",
                ),
            ),
        ),
        "detail": (
            "[Neighbour|Witness] [saw|watched] [two males|a male] [get in and drive off|"
            "loitering near the car earlier]",
        ),
        "enquiry": (
            "[Circulated on PNC|PNC updated|ANPR marker added]",
            "[CCTV|Doorbell footage] [requested|obtained]",
        ),
    },
    "burglary_residential": {
        "weight": 7.0,
        "classes": ("28E", "28E", "28F"),
        "people": ("victim", "witness?"),
        "goods": "home",
        "scenarios": (
            (
                "[Unknown offenders|Offenders|Unknown suspect(s)] [forced|smashed] [the rear "
                "door|a window|the patio door] [while {V} was at work|overnight|while occupants "
                "slept] and [searched|ransacked] [the house|bedrooms|the downstairs] taking "
                "{goods}",
                ("Entry [via|through] [rear garden|side gate|insecure window]",),
            ),
            (
                "{V} returned home to find [the door open|the house ransacked|a window smashed]; "
                "{goods} [taken|missing]",
                (
                    "[Neighbour|A neighbour|Witness] [saw|watched] [a male|two males] [leaving|"
                    "climbing over the fence] and [called police|took a photo]",
                ),
            ),
            (
                "[Attempt|Attempted] break-in at {Vp} address: [marks on the door|lock snapped|"
                "window damaged] but no entry gained",
                ("{V} [disturbed|heard] them and they [ran off|left]",),
            ),
        ),
        "detail": (
            "[A male|Two males] [seen|reported] [loitering|hanging around] in the street [earlier "
            "that day|the night before]",
            "[Footwear marks|Fingerprints|Blood] [found|recovered] <on the window frame>",
        ),
        "enquiry": (
            "[CSI|SOCO] [attended|requested|to attend]",
            "[House-to-house|Door knocking] [completed|conducted|negative]",
            "Crime prevention advice given",
        ),
    },
    "burglary_business": {
        "weight": 3.0,
        "classes": ("30C", "30C", "30D"),
        "people": ("reporter",),
        "goods": "shop",
        "scenarios": (
            (
                "Break-in at [{shop}|the storage unit|the cafe|the builder's yard|the sports club] "
                "overnight; {goods} taken",
                ("Alarm [activated|went off] at {night_time}; keyholder [attended|informed]",),
            ),
            (
                "[Shutter|Rear door|Roof panel] [forced|cut|removed] at [the premises|{shop}] and "
                "[the till|cigarettes|stock] taken",
                ("[Security|Staff] [watched|reviewed] the footage the following morning",),
            ),
        ),
        "detail": (
            "[CCTV|Internal cameras] [show|captured] [two hooded males|three males] inside",
        ),
        "enquiry": ("[CSI|SOCO] [attended|requested]", "[CCTV obtained|Footage requested]"),
    },
    "criminal_damage": {
        "weight": 9.0,
        "classes": ("58C", "58C", "58A", "58B", "58D"),
        "people": ("victim", "suspect?"),
        "goods": "home",
        "scenarios": (
            (
                "{Vp} [car|van] [was keyed|had its wing mirror kicked off|had a window smashed] "
                "while parked on {street} [overnight|{when}]",
                ("{V} [has no idea|doesn't know|cannot think] who [did it|would do this]",),
            ),
            (
                "[Youths|A group of youths|Unknown youths] [loitering|hanging around] [outside the "
                "shop|by the flats|in the park] [threw stones at|smashed] [a window|a bus shelter|"
                "a car windscreen]",
                ("[Neighbour|Resident] [watched|filmed] them from [a window|across the road]",),
            ),
            (
                "Graffiti [sprayed|painted] on [the wall of|the fence at|the shutters of] "
                "[{shop}|the community centre|{Vp} garage]",
                ("Same tag [seen|found] elsewhere in the area",),
            ),
            (
                "[Window|Front window|Glass panel] at {Vp} address [smashed|cracked] <{when}>",
                ("[A stone|A brick|A bottle] found [inside|on the floor]",),
            ),
            (
                "[Drunk male|Male] [kicked|punched] [the door|a car|a window] [outside {venue}|in "
                "{street}] after being refused entry",
                ("Door staff [detained|held] {shim} until police arrived",),
            ),
        ),
        "detail": (
            "[No witnesses|No CCTV|A neighbour heard it but saw nothing]",
            "Repair estimate £{amount}",
        ),
        "enquiry": ("[CCTV to be checked|No further lines of enquiry|Crime number provided]",),
    },
    "fraud": {
        "weight": 8.0,
        "classes": ("53A", "53C", "53J"),
        "people": ("victim",),
        "goods": "home",
        "scenarios": (
            (
                "{V} [was selling|listed] [a sofa|an iPhone|a games console|a pram] on [Facebook "
                "Marketplace|eBay|Gumtree]; a [buyer|male] [sent messages about the sale|messaged "
                "about the item] and [sent a fake payment screenshot|asked to pay by bank "
                "transfer]",
                (
                    "Messages about the sale [screenshotted|provided] by {V}",
                    "{V} [has blocked|blocked] the [buyer|account]",
                ),
            ),
            (
                "{V} [received|got] [a text|a call] [claiming to be from {vhis} bank|from "
                "HMRC|from a delivery company] and [transferred|lost] £{amount}",
                (
                    "[Caller|The caller|Fraudsters] [kept ringing|rang back|called repeatedly] "
                    "from "
                    "different numbers [asking for codes|pressuring {vher}]",
                ),
            ),
            (
                "{V} paid £{amount} for [a puppy|concert tickets|a car part] advertised online; "
                "the seller [stopped replying|blocked {vher}|deleted the advert] after payment",
                (
                    "{V} [has messaged|kept messaging] the seller [with no reply|asking for a "
                    "refund]",
                ),
            ),
            (
                "{V} has been [messaging|talking to] a [man|woman|person] {vshe} met [online|on a "
                "dating site] [for weeks|daily for three months] who [asked for money|said they "
                "needed help with a bill]; {vshe} has sent £{amount}",
                ("{V} has never met them in person <and now believes the profile is fake>",),
            ),
        ),
        "detail": ("Bank [informed|contacted]; [funds frozen|refund being considered]",),
        "enquiry": (
            "[Referred to|Report made to] Action Fraud",
            "[Bank details|Account details] [obtained|passed to the fraud team]",
        ),
    },
    "assault_oneoff": {
        "weight": 9.0,
        "classes": ("105A", "105A", "8N"),
        "people": ("victim", "suspect?", "witness?"),
        "goods": "home",
        "scenarios": (
            (
                "Altercation [outside|inside] {venue} at {night_time}; {S} [punched|headbutted|"
                "pushed] {Vo} [after a dispute over|following an argument about] [a spilled "
                "drink|a taxi|the queue|football]",
                (
                    "Door staff [intervened|detained the male|separated them]",
                    "[Followed by|Then] a second male [joined in|came over and pushed {Vo}]",
                ),
            ),
            (
                "{V} [was assaulted|was punched] by [an unknown male|a male {vshe} didn't "
                "know|{S}] [in {venue}|on {street}|at the bus station] {when}",
                ("{S} [left|made off] before police [arrived|arrival]",),
            ),
            (
                "[Fight|Scuffle|Disturbance] [in|at] {venue} [between|involving] {V} and {So} "
                "[over|about] [a girlfriend|a seat|an earlier comment]",
                ("[Both parties|{V} and {S}] [had been drinking|were intoxicated]",),
            ),
        ),
        "detail": (
            "{V} [has|sustained] [a cut above the eye|swelling to the face|a bloody nose|bruising]",
            "[No previous issues|No history] between the parties",
        ),
        "enquiry": (
            "[CCTV requested from the venue|Door staff to provide CCTV|BWV captured]",
            "{Sn} [arrested|to be interviewed|identified from CCTV]",
        ),
    },
    "public_order": {
        "weight": 6.0,
        "classes": ("9A", "9A", "9B"),
        "people": ("victim", "suspect"),
        "goods": "shop",
        "scenarios": (
            (
                "[Male|Female|Drunk male] [shouting|swearing] [abuse|and gesturing] at [staff|"
                "members of the public|door staff] in {place}",
                ("[Witnessed by|Seen by] [other customers|staff|a passer-by]",),
            ),
            (
                "{S} became [abusive|aggressive] towards {Vo} [when refused service|after being "
                "asked to leave|over a parking ticket] at {shop}",
                ("[Staff|{V}] [felt|was] [intimidated|alarmed|distressed]",),
            ),
            (
                "{S} [threatened|squared up to] {Vo} [outside {venue}|in {street}] [shouting "
                "abuse|and was threatening]",
                ("{S} [left|walked off] [towards {street}|before police arrival]",),
            ),
        ),
        "detail": (),
        "enquiry": ("[BWV|CCTV] [captured|obtained]", "{Sn} [arrested|reported for summons]"),
    },
    "drugs": {
        "weight": 5.0,
        "classes": ("92A", "92A", "92B"),
        "people": ("suspect",),
        "goods": "home",
        "scenarios": (
            (
                "Stop search conducted on {street} [following|due to] [smell of cannabis|"
                "intelligence|suspicious behaviour]; [a small quantity|two wraps|a bag] of "
                "[cannabis|cocaine|white powder] found",
                ("{S} [admitted|denied] [possession|it was theirs]",),
            ),
            (
                "{S} [seen|observed] [loitering|hanging around] [near the park|in the alleyway|by "
                "the shops] [making|appearing to make] [exchanges|hand-to-hand exchanges]",
                ("Officers watched for [10|20|30] minutes before [approaching|detaining] {shim}",),
            ),
            (
                "Officers followed [the vehicle|a car] [from {street}|for a short distance] and "
                "stopped it; {S} [found with|in possession of] [cannabis|cocaine|cash and scales]",
                ("[Phone|Cash|Scales] seized",),
            ),
        ),
        "detail": ("[Drugs|Substance] [seized|sent for testing]",),
        "enquiry": ("{Sn} [arrested|reported|issued a CRD|given a community resolution]",),
    },
    "road_rage": {
        "weight": 2.0,
        "classes": ("105A", "9A", "58C"),
        "people": ("victim", "suspect?"),
        "goods": "car",
        "scenarios": (
            (
                "Following a [minor collision|near miss|dispute over a junction] on {street}, "
                "[the other driver|{S}] [got out and|pulled up alongside and] [shouted abuse at|"
                "punched the window of|kicked the car of] {Vo}",
                ("[Vehicle registration|VRM] [noted|obtained] by {V}",),
            ),
            (
                "{S} [followed|drove behind] {Vp} car for [about a mile|a short distance] "
                "[flashing|beeping], then [got out|stopped] and [shouted at|threatened] {vher} at "
                "the lights",
                ("[Dashcam footage|Footage] [obtained|provided by {V}]",),
            ),
        ),
        "detail": ("[Single incident|No previous contact] between the parties",),
        "enquiry": ("[Keeper checks|RK checks] [conducted|to be done]",),
    },
    "robbery": {
        "weight": 2.0,
        "classes": ("34B",),
        "people": ("victim",),
        "goods": "home",
        "scenarios": (
            (
                "{V} [was approached|approached] by [two males|a group of youths|a male on a bike] "
                "[on {street}|near {place}] who [demanded|took] {vhis} [phone|bag|wallet] "
                "[threatening|with] [a knife|violence]",
                ("Offenders [left|made off] [on foot|on bikes|on an e-scooter] towards {street}",),
            ),
        ),
        "detail": ("{V} [was shaken|was uninjured|had a graze to the hand]",),
        "enquiry": ("[CCTV trawl|Area search] [completed|negative]",),
    },
    "theft_from_person": {
        "weight": 2.0,
        "classes": ("39",),
        "people": ("victim",),
        "goods": "home",
        "scenarios": (
            (
                "{Vp} [phone|purse|wallet] [was taken|went missing] from {vhis} [bag|pocket] while "
                "{vshe} was [in {venue}|at the market|on the bus]",
                (
                    "{V} [didn't notice|did not realise] until [later|{vshe} got home]",
                    "[A male|Someone] [bumped into|stood very close to] {vher} [earlier|just "
                    "before]",
                ),
            ),
        ),
        "detail": (),
        "enquiry": ("[CCTV|Bus CCTV] [requested|to be checked]",),
    },
    "making_off": {
        "weight": 2.0,
        "classes": ("49",),
        "people": ("reporter",),
        "goods": "shop",
        "scenarios": (
            (
                "[Vehicle|A car|A van] filled with £{amount} of fuel at [the garage|the petrol "
                "station] and drove off without paying",
                ("Registration [shows as false plates|is cloned|belongs to another vehicle]",),
            ),
        ),
        "detail": (),
        "enquiry": ("[CCTV|Forecourt footage] [obtained|requested]",),
    },
}

# One-off events: single, alarming, not part of a course.
ONE_OFFS: dict[str, dict[str, Any]] = {
    "single_threatening_call": {
        "relationship": ("unknown", "stranger"),
        "classes": ("8R", "3B", "8R"),
        "behaviours": ("threats_violence",),
        "text": (
            "{V} received [a single call|one call] from [a withheld number|an unknown number] at "
            "{time}; [a male voice|the caller] [threatened to|said he would] [kill {vher}|come "
            "round and hurt {vher}|burn the house down]",
            "[No further calls|No further contact since|Nothing since]",
            "{V} [has no idea|does not know] who [it was|it could be]",
        ),
    },
    "single_message_from_ex": {
        "relationship": ("ex_partner",),
        "classes": ("8R", "8R", "9A"),
        "behaviours": ("abusive_message",),
        "text": (
            "{V} received [a message|one voice note|a text] from [{vhis} ex-partner|{vhis} ex|"
            "ex-p] {S} [late at night|in the early hours] [calling {vher} names|saying {vshe} "
            "would regret leaving|which was abusive]",
            "[First contact in months|No contact since they split in {sep} until this|They "
            "have had no contact for over a year]",
            "[Single message|One-off|No further contact since]",
        ),
    },
    "doorstep_row_ex": {
        "relationship": ("ex_partner",),
        "classes": ("9A", "58A", "105A"),
        "behaviours": ("verbal_abuse",),
        "text": (
            "[Verbal argument|Row] at [the handover of the children|the door when collecting "
            "the kids] between {V} and {So}",
            "{S} [shouted|swore] and [kicked the door|punched the wall|slammed the gate]",
            "[Both parties calm on police arrival|No previous reports|Contact arrangements "
            "normally go smoothly]",
        ),
    },
    "pub_threats": {
        "relationship": ("acquaintance",),
        "classes": ("3B", "9A"),
        "behaviours": ("threats_violence",),
        "text": (
            "During an argument in {venue} {S} [told|shouted at] {Vo} that {sshe} would "
            "[kill {vher}|stab {vher}|do {vher} in]",
            "[They know each other from the pub|Both known to each other|They had been drinking "
            "together]",
            "[No further issues|Single incident|No history between them]",
        ),
    },
    "single_abusive_post": {
        "relationship": ("acquaintance", "online_only"),
        "classes": ("8R", "8R", "8L"),
        "behaviours": ("publishing_about_victim",),
        "text": (
            "{S} posted a [comment|post] about {Vo} on [Facebook|a community page|Instagram] "
            "[calling {vher} a liar|accusing {vher} of theft|with {vhis} photo]",
            "[Post since deleted|Single post|Post removed after {V} reported it]",
            "{V} wants it [recorded|on record] <but no further action requested>",
        ),
    },
    "domestic_assault": {
        "relationship": ("current_partner", "family"),
        "classes": ("105A", "105A", "8N"),
        "behaviours": ("assault",),
        "text": (
            "{V} and {So} argued [over money|about drinking|about the children]; {S} [pushed|"
            "grabbed|slapped] {Vo}",
            "[DASH completed - standard risk|DASH standard|DARA completed - medium]",
            "[First reported incident|No previous DA reports|No history on file]",
        ),
    },
    "road_rage_threat": {
        "relationship": ("stranger",),
        "classes": ("9A", "3B"),
        "behaviours": ("threats_violence",),
        "text": (
            "{S} [followed|tailgated] {Vp} car [for a short distance|for approx a mile] after "
            "a [near miss|disagreement at a roundabout] and at the lights [got out and|"
            "shouted that] [threatened to kill {vher}|said {sshe} would smash {vhis} face in]",
            "[Dashcam|Reg] [obtained|noted]; [no previous contact|strangers to each other]",
        ),
    },
}

GOODS = {
    "shop": (
        "[meat|steak|joints of meat]",
        "[razor blades|Gillette razors]",
        "[alcohol|bottles of spirits|vodka]",
        "[perfume|aftershave]",
        "[clothing|trainers|jackets]",
        "[baby milk|formula]",
        "[coffee|jars of coffee]",
        "[chocolate|sweets]",
        "[laundry pods|washing tablets]",
        "[cigarettes|vapes]",
    ),
    "home": (
        "[jewellery|gold jewellery]",
        "[a laptop|an iPad|a games console]",
        "[cash|a purse and cash]",
        "[a TV|a watch|car keys]",
        "[power tools|a bike]",
    ),
    "car": ("[a bag|a laptop|tools|a sat nav|loose change|a work bag]",),
}

VEHICLES = (
    "Ford Fiesta",
    "VW Golf",
    "Vauxhall Corsa",
    "Transit van",
    "BMW 3 series",
    "Audi A3",
    "Toyota Prius",
    "Nissan Qashqai",
    "Honda motorbike",
    "Land Rover",
)

CARS = (
    "a silver Corsa",
    "a black Audi",
    "a work van",
    "a white Transit",
    "a red Fiesta",
    "a grey Golf",
    "a dark BMW",
    "a blue Mini",
    "a black Range Rover",
    "a white van",
)
