"""A paraphrase set written after the engine, in police style, to check generalisation.

Sentences use wording the vocabulary was not built from: synonyms, inflections, word order,
abbreviations, counts, negation, attribution traps and the time senses of "following". Each
sentence says which behaviours must be found ("present") and which must not ("absent"). The
narratives at the end say whether the record as a whole should be indicated.

All invented; no real people.
"""

from __future__ import annotations

SENTENCES: list[dict[str, object]] = [
    # Following: inflections, synonyms, abbreviations.
    {"text": "Susp has followed IP home from the station twice this week.", "present": ["B01"]},
    {
        "text": "IP states the male tailed her car along the bypass for several miles.",
        "present": ["B01"],
    },
    {
        "text": "She believes she is being followed by her ex when she leaves work.",
        "present": ["B01"],
    },
    {
        "text": "He was following her through the shopping centre and would not go away.",
        "present": ["B01"],
    },
    {"text": "Suspect pursued the victim on foot down the high street.", "present": ["B01"]},
    {"text": "Following the incident IP contacted police.", "absent": ["B01"]},
    {"text": "The following day officers attended and took a statement.", "absent": ["B01", "B02"]},
    {"text": "A follow-up call was made to the victim by the OIC.", "absent": ["B01", "B06"]},
    {
        "text": "Officers followed the vehicle onto the motorway before stopping it.",
        "absent": ["B01"],
    },
    {"text": "IP followed the suspect on Instagram last year.", "absent": ["B01", "B14"]},
    {"text": "Susp denies following her at any time.", "absent": ["B01"]},
    {"text": "IP fears he may follow her when she moves.", "absent": ["B01"], "present": ["B31"]},
    {
        "text": "Following his release from custody the suspect went straight to her address.",
        "present": ["B02"],
        "absent": ["B01"],
    },
    # Turning up: home, work.
    {"text": "Ex-p showed up at IP's flat at 3am and would not leave.", "present": ["B02"]},
    {"text": "The suspect has been attending her home address uninvited.", "present": ["B02"]},
    {"text": "He appeared at her workplace and asked staff where she was.", "present": ["B03"]},
    {"text": "Susp came into the salon where IP works on three separate days.", "present": ["B03"]},
    {
        "text": "He turned up at the school gates when she was collecting the children.",
        "present": ["B03"],
    },
    {"text": "Police attended the home address and spoke to IP.", "absent": ["B02"]},
    {"text": "IP went round to her mum's house for the evening.", "absent": ["B02", "B11"]},
    # Loitering and watching.
    {
        "text": "Susp was sitting in his van across the road from her house for hours.",
        "present": ["B04"],
    },
    {
        "text": "Neighbours have seen him loitering near the address late at night.",
        "present": ["B04"],
    },
    {"text": "He keeps driving past her house slowly.", "present": ["B04"]},
    {
        "text": "IP caught him taking photographs of her through the kitchen window.",
        "present": ["B05"],
    },
    {"text": "Youths were loitering outside the shop.", "absent": ["B04"]},
    # Contact and counts.
    {
        "text": "Susp has sent her over 200 WhatsApp msgs since Friday.",
        "present": ["B06"],
        "count_at_least": 200,
    },
    {
        "text": "IP received 63 missed calls from a w/h number overnight.",
        "present": ["B06"],
        "count_at_least": 63,
    },
    {"text": "He rang her x25 in one evening.", "present": ["B06"], "count_at_least": 25},
    {
        "text": "The suspect messaged the victim on numerous occasions.",
        "present": ["B06"],
        "count_at_least": 3,
    },
    {"text": "IP has been messaging him asking for her belongings back.", "absent": ["B06"]},
    {"text": "No further contact has been made since the arrest.", "absent": ["B06"]},
    {"text": "There have been no threats made towards IP.", "absent": ["B23"]},
    {"text": "IP was advised to block him on all platforms.", "absent": ["B07"]},
    # Circumvention, letters, gifts, proxies, family.
    {
        "text": "After IP blocked him he created a new Snapchat account to message her.",
        "present": ["B07"],
    },
    {
        "text": "He keeps calling from different numbers each time she blocks one.",
        "present": ["B07"],
    },
    {"text": "Susp posted a handwritten letter through her letterbox.", "present": ["B08"]},
    {"text": "A parcel of chocolates and a teddy was delivered to her work.", "present": ["B09"]},
    {"text": "He got his brother to drive past and check if she was in.", "present": ["B10"]},
    {"text": "Susp has been messaging IP's new boyfriend calling him names.", "present": ["B11"]},
    {"text": "He phoned her mother repeatedly demanding to speak to IP.", "present": ["B11"]},
    # Online.
    {"text": "Susp set up a fake Facebook profile using IP's photos.", "present": ["B13"]},
    {"text": "He has been posting her address and phone number on a forum.", "present": ["B12"]},
    {
        "text": "He has been logging into her email account and reading her messages.",
        "present": ["B15"],
    },
    {"text": "An AirTag was found hidden in the lining of her handbag.", "present": ["B16"]},
    {"text": "IP discovered a tracking app had been installed on her mobile.", "present": ["B16"]},
    {"text": "He seems to know where she has been every evening.", "present": ["B18"]},
    # Property, threats, images, suicide, fixation.
    {"text": "All four tyres on her car were slashed overnight.", "present": ["B19"]},
    {"text": "Susp let himself into IP's house using a key he had kept.", "present": ["B20"]},
    {"text": "He told her he would kill her if she went to the police.", "present": ["B23"]},
    {"text": "Susp made TTK towards IP over the phone.", "present": ["B23"]},
    {
        "text": "He has threatened to send intimate pictures of her to her family.",
        "present": ["B24"],
    },
    {
        "text": "Susp says he will take his own life unless she meets him.",
        "present": ["B25"],
        "absent": ["B23"],
    },
    {
        "text": "He says he cannot live without her and will never give up on them.",
        "present": ["B26"],
    },
    # Persisting, impact.
    {
        "text": "Despite being warned by officers he continued to text her daily.",
        "present": ["B28"],
    },
    {"text": "Contact has continued in breach of the non-molestation order.", "present": ["B28"]},
    {
        "text": "IP is terrified and no longer leaves the house on her own.",
        "present": ["B31", "B32"],
    },
    {"text": "She has had to move to a different address because of him.", "present": ["B32"]},
    {"text": "She has changed her shifts at work to avoid him.", "present": ["B32"]},
    # History.
    {
        "text": "Susp previously followed her in 2019 but there has been no contact since.",
        "historic": ["B01"],
    },
]

NARRATIVES: list[dict[str, object]] = [
    {
        "text": "IP and susp split up in June. Since then he has called her up to 30 times a day, "
        "turned up outside her work and left a card on her car. She is scared to go out.",
        "relationship": "ex_partner",
        "indicated": True,
    },
    {
        "text": "Victim reports that a man she met once at a party keeps appearing wherever "
        "she goes, including her gym and her local cafe. He has sent her flowers at work "
        "and messages her on IG from new accounts every time she blocks him.",
        "relationship": "acquaintance",
        "indicated": True,
    },
    {
        "text": "Ongoing issue between neighbours over a shared driveway. Susp shouted at IP and "
        "called her a liar during an argument about where cars are parked. Both parties "
        "spoken to.",
        "relationship": "neighbour",
        "indicated": False,
    },
    {
        "text": "Single incident. Susp punched IP once outside a nightclub after a disagreement in "
        "the queue. They did not know each other.",
        "relationship": "stranger",
        "indicated": False,
    },
    {
        "text": "Susp (ex-husband) has been sending emails to IP's employer making false "
        "complaints about her, and has contacted her sister and friends to ask where she is "
        "living now. IP has moved twice.",
        "relationship": "ex_partner",
        "indicated": True,
    },
    {
        "text": "Customer sent one abusive email to the shop manager after a refund was refused. "
        "No further contact.",
        "relationship": "stranger",
        "indicated": False,
    },
    {
        "text": "RO in place. Susp was seen by IP sitting in his car at the end of her road on "
        "Saturday and again on Sunday morning. IP very frightened.",
        "relationship": "ex_partner",
        "indicated": True,
    },
    {
        "text": "IP states that her ex keeps checking her location on Snap Map and told her what "
        "she had been wearing at the pub. She has deleted her social media.",
        "relationship": "ex_partner",
        "indicated": True,
    },
    {
        "text": "Susp reports that IP has been messaging him repeatedly and turning up at his "
        "address. IP denies this. No evidence of any contact from susp.",
        "relationship": "ex_partner",
        "indicated": False,
    },
    {
        "text": "Shoplifting. Susp took two bottles of spirits from the store and left. Staff did "
        "not know the male. CCTV obtained.",
        "relationship": "stranger",
        "indicated": False,
    },
    {
        "text": "Susp has bombarded IP with texts and voicemails for the last five weeks after she "
        "turned him down for a date. He waited for her outside the gym twice.",
        "relationship": "acquaintance",
        "indicated": True,
    },
    {
        "text": "Dispute between former business partners over money owed. Susp sent three "
        "emails demanding payment and threatening court action.",
        "relationship": "acquaintance",
        "indicated": False,
    },
]

# Second batch, written after the first round of fixes: longer narratives in the style of the
# development cases (court and news reports rewritten as a crime report). Invented.
NARRATIVES_2: list[dict[str, object]] = [
    {
        "text": "IP met susp through a gaming forum and they chatted online for a few weeks. After "
        "she stopped replying he began sending her dozens of emails a day from different "
        "addresses, sent a bouquet to her office and booked a hotel room near her flat. He "
        "later appeared at her gym and told staff he was her fiance. IP has stopped going to "
        "the gym and now works from home.",
        "relationship": "online_only",
        "indicated": True,
    },
    {
        "text": "Between January and August the defendant, a former colleague, left handwritten "
        "notes on the complainant's car at least 15 times, declaring his feelings for her. "
        "He was spoken to by her manager and by police but the notes continued. The "
        "complainant describes feeling sick whenever she walks to the car park.",
        "relationship": "colleague",
        "indicated": True,
    },
    {
        "text": "Susp is the estranged husband. Since she left the marital home in the spring he "
        "has turned up at her new flat repeatedly, rung her sister late at night to find out "
        "where she is, and posted messages on Facebook calling her an unfit mother. She has "
        "had the locks changed and a panic alarm fitted.",
        "relationship": "ex_partner",
        "indicated": True,
    },
    {
        "text": "The accused placed a GPS device under the victim's car after their relationship "
        "ended, and used it to turn up at places she had driven to, including a friend's "
        "house in another town. The device was found by a mechanic. The victim is now too "
        "frightened to drive on her own.",
        "relationship": "ex_partner",
        "indicated": True,
    },
    {
        "text": "A man repeatedly rang the reception of the clinic where IP is a receptionist, "
        "asking what time she finished and whether she was single. He then waited in the car "
        "park at closing time on three evenings. IP did not know him before he came in as a "
        "patient.",
        "relationship": "stranger",
        "indicated": True,
    },
    {
        "text": "Susp, the victim's former partner, created an Instagram account in her name and "
        "posted intimate photographs of her, then messaged her colleagues with a link to it. "
        "When the account was taken down he set up another. Victim has been signed off work "
        "with anxiety.",
        "relationship": "ex_partner",
        "indicated": True,
    },
    {
        "text": "Two drivers argued at a roundabout. The suspect followed the victim's car for a "
        "short distance, got out at the lights and kicked the door, then drove off. No "
        "previous contact between the two men.",
        "relationship": "stranger",
        "indicated": False,
    },
    {
        "text": "Long-running disagreement between two families over the use of a shared "
        "driveway. On the latest occasion the suspect parked across the drive and swore at "
        "the victim when asked to move. Both households have made complaints about each other "
        "to the council.",
        "relationship": "neighbour",
        "indicated": False,
    },
    {
        "text": "Susp sent one email to his former employer's HR department containing threats "
        "after he was dismissed. He has made no other contact and has apologised.",
        "relationship": "colleague",
        "indicated": False,
    },
    {
        "text": "A customer left a one-star review of the IP's cafe and a rude comment on its "
        "Facebook page after a dispute about a bill. IP wants it removed.",
        "relationship": "stranger",
        "indicated": False,
    },
    {
        "text": "Susp entered the victim's garden shed overnight and took two bicycles. Forensic "
        "officers attended. No suspect identified at this time.",
        "relationship": "stranger",
        "indicated": False,
    },
    {
        "text": "IP and susp share a child. During a handover at a contact centre they argued "
        "about arrangements for the summer holidays and susp pushed IP once. Both parties "
        "have solicitors and the matter is before the family court.",
        "relationship": "ex_partner",
        "indicated": False,
    },
]


# Third batch, written in the generalisation round (docs/screening.md) after its changes, not
# from the blind set: its first run is recorded there. Invented.
NARRATIVES_3: list[dict[str, object]] = [
    {
        "text": "IP split from susp in the summer. He has since been stood at the end of her "
        "road most nights and rang her 35 times on her birthday. When she changed her "
        "number a friend of his messaged her the new one as a joke. IP now parks at "
        "her sister's and walks home the back way.",
        "relationship": "ex_partner",
        "indicated": True,
    },
    {
        "text": "Susp is a regular at the library where IP works. Over the past two months he "
        "has timed his visits to her shifts, sat at the desk facing hers and on three "
        "occasions waited by her bike at closing. Library staff have banned him. IP "
        "has asked to move branch.",
        "relationship": "acquaintance",
        "indicated": True,
    },
    {
        "text": "IP and susp worked together until he was dismissed. Since then IP's "
        "employer, her GP and the DVLA have all received anonymous letters about her, "
        "and her work email was signed up to several hundred newsletters. IT traced "
        "the sign ups to an IP address linked to susp.",
        "relationship": "colleague",
        "indicated": True,
    },
    {
        "text": "IP reports a man in a red coat has been on the same train as her every "
        "morning this week and got off at her stop. On Thursday he was waiting by the "
        "station exit when she came back in the evening. IP is too scared to use the "
        "train and is getting lifts.",
        "relationship": "stranger",
        "indicated": True,
    },
    {
        "text": "Since March IP has had 11 deliveries of food she did not order, all paid on "
        "a card in a false name, and a wreath was left at her door on Mother's Day. "
        "Her Amazon account password was changed twice. No suspect identified.",
        "relationship": "unknown",
        "indicated": True,
    },
    {
        "text": "RO in place since Jan. Susp has been seen by neighbours sitting in a car "
        "outside IP's flat on at least three evenings, and IP's daughter says her dad "
        "asks her every visit who mummy is seeing. IP has had a doorbell camera "
        "fitted.",
        "relationship": "ex_partner",
        "indicated": True,
    },
    {
        "text": "Long standing disagreement over a shared wheelie bin area. Susp left a note "
        "on IP's car about where her bins were left and later shouted at her from his "
        "garden. Both parties spoken to and given advice.",
        "relationship": "neighbour",
        "indicated": False,
    },
    {
        "text": "Parties separated in 2021 and arrange contact via a parenting app. On Sunday "
        "susp was 40 mins late returning the children and a heated argument followed "
        "on the doorstep. No threats. Both parties advised.",
        "relationship": "ex_partner",
        "indicated": False,
    },
    {
        "text": "IP's handbag containing her phone, keys and purse was stolen from a cafe. "
        "She tracked the phone to a nearby street using Find My and officers "
        "recovered it from a bin. No suspect.",
        "relationship": "stranger",
        "indicated": False,
    },
    {
        "text": "Susp owes IP £300 for a car repair. IP has texted him several times asking "
        "for the money and he has not replied. IP wants advice on the civil route.",
        "relationship": "acquaintance",
        "indicated": False,
    },
    {
        "text": "IP states a colleague made a rude comment about her weight in a team "
        "meeting. No previous issues. HR informed. IP does not wish to make a "
        "complaint to police.",
        "relationship": "colleague",
        "indicated": False,
    },
    {
        "text": "Road rage. Susp tailgated IP for about a mile, then overtook and braked "
        "hard. Both pulled over and susp shouted at IP before driving off. VRM "
        "obtained. Single incident.",
        "relationship": "stranger",
        "indicated": False,
    },
]
