"""Phrases for stalking courses of conduct: behaviours, signals that contact is unwanted,
history across reports, impact on the victim, police actions, and traps.

Written for this generator only, from the statutory list of stalking acts and the kinds of
conduct described in the domain notes, in the voices of many officers. Each behaviour carries
the FOUR elements it evidences (analyst judgement, ours).
"""

from __future__ import annotations

# behaviour code -> (FOUR elements it shows, templates)
BEHAVIOURS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "repeated_messages": (
        ("repeated",),
        (
            "{S} [has sent|sent|has been sending|keeps sending] {Vo} {msgs_np} {span}",
            "{V} [has received|received|has been getting|has had] {msgs_np} from {So} {span}",
            "{msgs_np} [received|recd|rec'd] from {So} {span}<, {msg_content}>",
            "{S} [won't stop|will not stop|keeps|has not stopped] [messaging|texting|contacting] "
            "{Vo}"
            "<, {msg_content}>",
            "[Constant|Non-stop|Persistent|Continual] [messages|texts|contact] from {So} [on|via] "
            "{platform} {span}",
            "{S} [bombarded|has bombarded|is bombarding] {Vo} with [messages|msgs|texts] <on "
            "{platform}> {span}",
            "[Between|From] {date0} [and|to|-] {date} {S} sent {Vo} {msgs_np}",
            "{S} [messaged|texted|contacted] {Vo} {times} [in one evening|in one night|before "
            "9am|over the weekend|in the space of an hour]",
            "{S} [sent|has sent] {Vo} a [long|rambling|lengthy] [email|message|voice note] "
            "{msg_content}",
            "[Messages|Msgs|Texts] [range from|vary between|go from] {msg_content} to being "
            "[abusive|nasty|threatening]",
            "{V} [says|states] {S} [messages|texts|contacts] {vher} [every day|daily|most "
            "nights|constantly] <{span}>",
        ),
    ),
    "repeated_calls": (
        ("repeated",),
        (
            "{S} [has called|called|rang|has been ringing] {Vo} {calls_np} {span}",
            "{calls_np} to {Vp} [phone|mobile] {span}<, [mostly|many] from [a withheld "
            "number|w/h numbers|a private number]>",
            "{V} [has had|has received|received] {calls_np} <{span}>, [some|many|most] [silent|"
            "where no one speaks|where {vshe} can only hear breathing]",
            "[Withheld|Private number|No caller ID] calls to {Vo} <{span}>; {V} [believes|is "
            "sure|knows] it is {So} [as|because] [{sshe} has done this before|of the "
            "timing|{sshe} left a voicemail]",
            "{S} [keeps|continues to|won't stop] [ringing|calling|phoning] {Vo} [at all "
            "hours|late at night|through the night|at work]",
            "{S} [left|has left] {n_some} voicemails <{span}> [asking {vher} to call "
            "back|crying|shouting|begging {vher} to pick up]",
            "Call log [shows|on {Vp} phone shows] {n_big} [calls|missed calls] from {Sp} number "
            "{span}",
            "{V} [woke up to|found] {n_big} missed calls from {So} [this morning|after "
            "work|when {vshe} turned {vhis} phone on]",
        ),
    ),
    "new_accounts_after_block": (
        ("unwanted", "fixated"),
        (
            "[After|Since] {V} [blocked|has blocked] {shim} <on {platform}>, {S} [has set "
            "up|set up|created|made] [a new account|another account|a second account|new "
            "accounts] to [keep messaging|contact|message] {vher}",
            "{V} [has blocked|blocked] {Sp} number <{times}> [but|and] {sshe} [keeps getting|"
            "gets|just uses] [new numbers|a new number|different numbers]",
            "[Messages|Contact] now [coming|arriving] from [a new number|unknown numbers|a "
            "different account|an account under a different name] which {V} [believes|knows|is "
            "certain] is {So}",
            "{S} [used|has been using] [a friend's phone|{shis} mum's phone|a work phone] to "
            "[call|message|text] {Vo} after being blocked",
            "[Blocked on all platforms|Blocked everywhere|Blocked on {platform}] so {S} [now "
            "emails|emailed|has started emailing] {Vp} work address instead",
            "{S} [sent|has sent] [1p payments|small payments|a string of payments] to {Vp} bank "
            "account with [messages|abuse|comments] in the [reference|payment reference]",
        ),
    ),
    "turning_up_home": (
        ("unwanted",),
        (
            "{S} [turned up|attended|came round|showed up|rocked up] at {home} {when} <[uninvited|"
            "unannounced|without warning]>",
            "{S} [was banging|banged|has been banging|was knocking] on {Vp} [front door|door|"
            "window|back door] {when} [shouting|demanding to be let in|asking to talk|for approx "
            "{n_mins} mins]",
            "{S} has [been to|attended|come to] {home} {times} {span}",
            "{V} [found|saw] {So} [standing|waiting] [on {vhis} doorstep|at {vhis} front door|in "
            "the communal hallway] when {vshe} [got home|returned from work|opened the door]",
            "{S} [refused|would not] [leave|go] when asked and [stayed|remained] [outside|at the "
            "door] for [approx|about|around] {n_mins} minutes",
            "{S} [rang|kept pressing] the [doorbell|buzzer] repeatedly <{when}><, Ring doorbell "
            "[captured|recorded] {shim}>",
        ),
    ),
    "turning_up_work": (
        ("fixated",),
        (
            "{S} [turned up|attended|came into|appeared] at {work} {when} [asking for|asking to "
            "speak to|demanding to see] {Vo}",
            "{S} has been [waiting|hanging around] [outside|near] {work} [when {vshe} "
            "finishes|at the end of {vhis} shift|in the mornings]",
            "[Colleagues|Staff|{Vp} manager] [report|reported|say] {S} has [come in|been in] "
            "{times} <{span}>",
            "{S} [was|has been] [waiting at|turning up at] [the gym|{vhis} gym|the school "
            "gates|{vhis} college] [when {vshe} [arrives|leaves]|{times}]",
            "{S} [booked|made] an appointment at {work} [under a false name|using a different "
            "name] in order to see {Vo}",
        ),
    ),
    "loitering": (
        ("obsessive",),
        (
            "{S} [has been seen|was seen|was spotted] [sat|sitting|parked up] in {car} [outside|"
            "opposite|near|at the end of] {Vp} [road|street|address|house] {when}",
            "{S} [keeps|has been] [driving past|walking past|circling] {home} <{times}> <{span}>",
            "[Neighbours|A neighbour|{Vp} neighbour] [saw|has seen|reports seeing] {So} [hanging "
            "around|standing across the road|loitering] [near|outside] {home} <{when}>",
            "[Ring|doorbell|CCTV] [footage|camera] [shows|captured] {So} [outside|walking "
            "past|stood opposite] {home} [at|around] {time} [on {n_some} nights|on several "
            "occasions|on {date}|over the weekend]",
            "{S} was [waiting|hanging about] [outside|near] {place} [when {vshe} came out|as "
            "{vshe} left]",
        ),
    ),
    "following": (
        ("fixated",),
        (
            "{S} [followed|has followed|was following] {Vo} [home|from work|into town|to {vhis} "
            "car|from the bus stop|through the town centre] {when}",
            "{V} [saw|noticed|clocked|spotted] {So} [behind {vher}|walking behind {vher}|a few "
            "cars behind|in {vhis} rear-view mirror] [on {vhis} way home|when leaving work|as "
            "{vshe} walked to the bus stop|on the school run]<, {sshe} [kept pace|stayed behind "
            "{vher}|turned when {vshe} turned]>",
            "[Followed|Tailed] {Vo} from {place} [to|as far as] {place2} <in {car}>",
            "{S} [got on|boarded] the same [bus|train] as {Vo} and [sat|stood] [behind|near|"
            "opposite] {vher}",
            "[Everywhere|Wherever] {vshe} goes {S} [seems to be there|turns up|appears]",
            "{S} [drove|was driving] [behind|close behind] {Vp} car for [approx|about] "
            "{n_miles} [miles|mins] [and|then] [pulled up|stopped] [next to|behind] {vher} "
            "[when {vshe} parked|at the lights]",
        ),
    ),
    "watching_photographing": (
        ("obsessive",),
        (
            "{S} [was seen|has been seen] [taking photos|taking pictures|filming] of {Vo} <on "
            "{shis} phone> {when}",
            "{S} [sent|has sent] {Vo} [photos|pics|a photo] of {vher} [in the garden|at work|"
            "walking the dog|through {vhis} window|in the supermarket] <{span}>",
            "{V} [caught|saw] {So} [staring|looking|peering] [through {vhis} window|into {vhis} "
            "car|into the house|at {vher} from across the road] <{when}>",
            "{S} has been [sitting|sat] [watching|looking at] [the house|{home}] [for hours|for "
            "long periods|late at night]",
        ),
    ),
    "letters_notes": (
        ("fixated",),
        (
            "{S} [left|has left|put] [a note|a letter|a card|notes] [on {vhis} "
            "windscreen|through {vhis} letterbox|under {vhis} door] <{when}>",
            "{V} [has received|received|found] {n_some} [letters|cards|handwritten notes] "
            "[from {So}|believed to be from {So}] {span}",
            "[Letter|Card|Note] [posted through|left at|pushed under] {Vp} [door|letterbox] "
            "[reading|saying] '{note_quote}'",
        ),
    ),
    "gifts_deliveries": (
        ("unwanted", "obsessive"),
        (
            "{S} [has sent|sent|left] [flowers|chocolates|a teddy bear|a parcel|jewellery|a bunch "
            "of flowers] [to {home}|to {Vp} work|on {vhis} doorstep|on {vhis} car] <{when}>",
            "[Takeaways|Parcels|Items] [have been|were] [ordered|sent] to {home} [in {vhis} "
            "name|that {vshe} did not order] <{span}>",
            "{V} [found|came home to] [a gift|flowers|a card and flowers] [on the doorstep|hung "
            "on the door handle] [with a note|from {So}]",
        ),
    ),
    "contacting_family_friends": (
        ("fixated",),
        (
            "{S} [has contacted|contacted|messaged|has been messaging] {Vp} {family_member} "
            "<{span}> [asking about {vher}|asking where {vshe} is|to pass on messages|saying "
            "{vshe} is [a liar|unstable|a bad parent]]",
            "{S} [sent|has sent] [messages|a message] to {Vp} new partner [telling them to stay "
            "away|with photos of {Vo}|making threats]",
            "[Friends|Family members|{Vp} friends] [have had|have received|are getting] [calls|"
            "messages|friend requests] from {So} <{span}>",
            "{Vp} [mum|sister|brother|best friend] [has had|has received|is getting] [calls|"
            "messages|friend requests] from {So} <{span}>",
            "{S} [turned up|went] to {Vp} [parents'|mum's|sister's] [address|house] [looking "
            "for|to find] {vher}",
        ),
    ),
    "using_others": (
        ("fixated", "obsessive"),
        (
            "{S} [got|has got|has been getting] [a friend|{shis} sister|{shis} mum|mutual "
            "friends|a mate] to [contact|message|call] {Vo} [for {shim}|on {shis} behalf]",
            "[Mutual friends|People {vshe} barely knows] [keep|have been] asking [where {vshe} "
            "lives now|about {vhis} new partner|what {vshe} is doing]; {V} [believes|thinks] "
            "{S} is behind it",
            "{S} [is using|has used] [the children|their son|their daughter] to [pass "
            "messages|ask questions about {vher}|find out where {vshe} is living]",
        ),
    ),
    "publishing_about_victim": (
        ("obsessive",),
        (
            "{S} [posted|has posted] [on {platform}|online|in a local community group] "
            "[about {Vo}|{Vp} address|photos of {Vo}|claims that {vshe} [is a liar|had an "
            "affair|is a bad mother]]",
            "{S} [has been spreading|is spreading|spread] [rumours|lies] about {Vo} [online|at "
            "{vhis} work|among their friends] <{span}>",
            "[Fake|Negative|Abusive] reviews [posted|left] about {Vp} [business|salon|work] "
            "[believed to be by|by] {So}",
            "{S} [emailed|contacted|rang] {Vp} [employer|manager] [making allegations|with false "
            "claims about {vher}|to say {vshe} [is|was] [using drugs|stealing]]",
        ),
    ),
    "impersonation_fake_profiles": (
        ("obsessive", "fixated"),
        (
            "[A fake|A|Another] [profile|account] [in {Vp} name|using {Vp} photos] [has been set "
            "up|was created|appeared] on [{platform}|a dating site|Facebook]<, {V} [believes|"
            "suspects|is sure] by {So}>",
            "{S} has been [posing as|pretending to be|impersonating] {Vo} [online|on {platform}] "
            "[and messaging {vhis} friends|to message {vhis} contacts]",
            "{V} [was told|found out|discovered] [someone|an account] [has been|was] [messaging "
            "people|contacting {vhis} friends] [claiming to be {vher}|as {vher}]",
        ),
    ),
    "monitoring_online": (
        ("obsessive",),
        (
            "{S} [is|has been] [viewing|watching] [all|every one of] {Vp} [stories|posts|IG "
            "stories] [from|using] [a fake account|different accounts|a second account]",
            "{S} [commented|has commented|keeps commenting] on [{Vp} posts|photos {vshe} "
            "posted] [within minutes|straight away|all the time]",
            "{S} [has followed|followed|requested] [all of {Vp} friends|{Vp} friends|{vhis} new "
            "partner] on [{platform}|social media]",
            "{S} [knew|seems to know|referred to] [what {vshe} had posted|a photo {vshe} had "
            "only shared with close friends] [despite being blocked|even though {vshe} blocked "
            "{shim}]",
        ),
    ),
    "account_access": (
        ("obsessive",),
        (
            "{S} [has been|was] [logging into|accessing|getting into] {Vp} [email|iCloud|Google "
            "account|Facebook|Instagram|Snapchat] <{span}>",
            "{V} [got|received] [a login alert|a notification] that [someone logged into|a new "
            "device accessed] {vhis} [account|email]; {S} [knows|knew] {vhis} password",
            "{S} [changed|has changed] {Vp} [passwords|password|security settings] and {V} is "
            "locked out of {vhis} [account|email]",
            "{S} [read|has been reading|quoted] {Vp} [private messages|WhatsApp chats|emails] "
            "[back to {vher}|to {vhis} friends]",
        ),
    ),
    "tracking_device": (
        ("obsessive",),
        (
            "[An AirTag|A tracker|A GPS tracker|A tracking device|A Tile tracker] [was "
            "found|has been found|was discovered] [under {Vp} car|in {Vp} handbag|in the lining "
            "of {vhis} bag|taped inside the wheel arch]",
            "{V} [got|received] an alert on {vhis} phone that an unknown [AirTag|tracker] "
            "[was travelling with|had been moving with] {vher} <{span}>",
            "{S} [had|has had] [location sharing|Find My|Life360|Snap Map] [switched on|set up] "
            "on {Vp} phone [without {vhis} knowledge|and {vshe} didn't know]",
            "{S} [turned up|appeared] [at places|wherever {vshe} went|at a friend's house {vshe} "
            "had never mentioned] and {V} [believes|suspects] {sshe} [is|was] tracking {vher}",
        ),
    ),
    "knows_movements": (
        ("obsessive",),
        (
            "{S} [knew|seems to know|messaged about] [where {vshe} had been|what {vshe} was "
            "wearing|who {vshe} was with|{vhis} plans for the weekend] [that day|on {date}|"
            "despite no contact]",
            "{S} [sent|has sent] {Vo} [messages|a msg] [describing|listing] [where {vshe} "
            "was|what {vshe} was wearing|the car {vshe} was in] [at the time|minutes "
            "later|earlier that day]",
            "{S} has [found out|got hold of] {Vp} [new address|new number|new workplace] "
            "although {vshe} [hadn't told anyone|moved to get away from {shim}]",
        ),
    ),
    "property_damage": (
        ("unwanted",),
        (
            "{Vp} car [was|has been] [keyed|scratched|damaged] [along the side|on both "
            "sides|overnight] <{when}> <and {V} [believes|suspects] {So}>",
            "[All four|Two|The] tyres on {Vp} car [were|have been] [slashed|let down|"
            "punctured] <{when}>",
            "{S} [smashed|broke|damaged|kicked in] [the front window|{Vp} window|the glass in the "
            "front door|{Vp} wing mirror|the fence] at {home} <{when}>",
            "[Paint|Brake fluid|Something corrosive] [thrown|poured] over {Vp} car <{when}>",
            "{S} [kicked|punched|hit] {Vp} car [causing a dent|denting the door|cracking the "
            "windscreen]",
        ),
    ),
    "entering_property": (
        ("unwanted", "obsessive"),
        (
            "{S} [got into|entered|has been in] {Vp} [garden|house|back garden|car|shed] "
            "[without permission|when {vshe} was out|while {vshe} was at work]",
            "{S} still [has|had] a key to the [house|flat] and [items have been moved|has let "
            "{shim}self in|things have gone missing]",
            "{Vp} [post|mail] [has been going missing|was taken|has been opened]<, {V} "
            "[suspects|believes] {So}>",
            "{S} [went through|was seen going through] {Vp} [bins|recycling|post]",
        ),
    ),
    "threats_violence": (
        ("unwanted",),
        (
            "{S} [threatened|has threatened] to [kill {vher}|hurt {vher}|stab {vher}|burn {vhis} "
            "house down|get {vher}] <if {vshe} [didn't|won't] [reply|meet {shim}|unblock {shim}]>",
            "{S} [said|told {Vo}|messaged saying] ['{threat_quote}'|{sshe} knows where {vshe} "
            "lives|{vshe} will regret it|{vshe} [should|better] watch {vhis} back]",
            "[Threats|A threat] [to kill|of violence|to hurt {vher}] [made|sent] [by|via] "
            "[text|voice note|{platform}|phone] <{when}>",
            "{S} [turned up|came round] [with a knife|holding a bat|with a hammer] [and "
            "threatened {vher}|shouting threats]",
        ),
    ),
    "threats_intimate_images": (
        ("unwanted",),
        (
            "{S} [threatened|has threatened] to [share|send|post] [intimate|private|sexual] "
            "[photos|images|videos] of {Vo} [to {vhis} family|online|to {vhis} work] <unless "
            "{vshe} [meets {shim}|takes {shim} back|replies]>",
            "{S} [sent|has sent] [an intimate photo|private images] of {Vo} to [{vhis} new "
            "partner|{vhis} mum|{vhis} friends]",
        ),
    ),
    "suicide_threats_leverage": (
        ("fixated",),
        (
            "{S} [said|messaged|told {Vo}] [{sshe} would kill {shim}self|{sshe} would end it|"
            "{sshe} would take an overdose] [if {vshe} [didn't|won't] [come back|meet {shim}|"
            "reply]|and it would be {vhis} fault]",
            "{S} [sent|has sent] [photos of|pics of] [cuts to {shis} arms|tablets] [saying|with "
            "msgs saying] it [is|was] {Vp} fault",
        ),
    ),
    "fixation_language": (
        ("fixated", "obsessive"),
        (
            "{S} [keeps saying|has said|messages saying] [they are meant to be together|{vshe} "
            "belongs to {shim}|{sshe} will never let {vher} go|if {sshe} can't have {vher} no one "
            "can|{vshe} is the love of {shis} life]",
            "{S} [won't accept|refuses to accept|cannot accept] [the relationship is over|that "
            "it's over|{vshe} doesn't want {shim}|{vhis} decision]",
            "{V} describes {So} as [obsessed with {vher}|fixated on {vher}|unable to let go]",
            "{V} says {S} is [obsessed with {vher}|fixated on {vher}|unable to let go]",
        ),
    ),
    "vexatious_reports": (
        ("obsessive",),
        (
            "{S} [has made|made] [false reports|malicious referrals|a number of complaints] [to "
            "social services|to the police|to {Vp} landlord|to {Vp} employer] about {Vo}",
            "{S} [reported|has reported] {Vo} to [police|social services|the council] "
            "[claiming|alleging] [{vshe} [neglects|is neglecting] the children|{vshe} [assaulted|"
            "was harassing] {shim}] - [no evidence found|enquiries found nothing|NFA]",
        ),
    ),
    "assault": (
        ("unwanted",),
        (
            "{S} [grabbed|pushed|shoved] {Vo} [by the arm|against the wall|to the ground|into "
            "the door] <when {vshe} [tried to leave|refused to talk|wouldn't get in the car]>",
            "{S} [slapped|punched|hit] {Vo} [in the face|on the arm|once] <[causing|leaving] [a "
            "red mark|bruising|a cut lip]>",
            "{S} [spat at|spat in the face of] {Vo} <in the street>",
        ),
    ),
}

# What each behaviour is recorded as when it is the main act of an incident.
BEHAVIOUR_CLASS: dict[str, tuple[str, ...]] = {
    "repeated_messages": ("8R", "8R", "8L", "8L", "8L"),
    "repeated_calls": ("8R", "8L", "8L"),
    "new_accounts_after_block": ("8R", "8L", "8L"),
    "turning_up_home": ("8L", "8L", "9A", "9A"),
    "turning_up_work": ("8L", "8L", "9A"),
    "loitering": ("8L", "8L", "9A"),
    "following": ("8L", "8L", "8Q"),
    "watching_photographing": ("8L", "8L", "8Q"),
    "letters_notes": ("8R", "8L"),
    "gifts_deliveries": ("8L", "8L", "8R"),
    "contacting_family_friends": ("8L", "8R"),
    "using_others": ("8L",),
    "publishing_about_victim": ("8R", "8L"),
    "impersonation_fake_profiles": ("8R", "8L"),
    "monitoring_online": ("8L", "8L", "8Q"),
    "account_access": ("8L", "8R"),
    "tracking_device": ("8Q", "8L", "8U"),
    "knows_movements": ("8L",),
    "property_damage": ("58C", "58A", "58C", "58A", "58B", "58D"),
    "entering_property": ("8L", "58A", "28E"),
    "threats_violence": ("3B", "8R", "9A", "3B"),
    "threats_intimate_images": ("8R", "8L"),
    "suicide_threats_leverage": ("8R", "8L"),
    "fixation_language": ("8L", "8R"),
    "vexatious_reports": ("8L",),
    "assault": ("105A", "105A", "8N"),
}

ONLINE_BEHAVIOURS = frozenset(
    {
        "repeated_messages",
        "new_accounts_after_block",
        "publishing_about_victim",
        "impersonation_fake_profiles",
        "monitoring_online",
        "account_access",
        "threats_intimate_images",
    }
)

# Non-behaviour items the plan may put on a record, with the FOUR elements they show.
SIGNALS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "told_stop": (
        ("unwanted",),
        (
            "{V} has [told|asked] {So} [repeatedly|many times|on several occasions] [to stop|to "
            "leave {vher} alone|that {vshe} wants no contact]",
            "{V} [made it clear|has been clear] that {vshe} [does not|doesn't] want [any "
            "contact|a relationship|to hear from {shim}]",
            "{V} [has not replied|doesn't reply|ignores the messages|has never replied] <and "
            "has asked {shim} to stop>",
            "{V} [does not want|doesn't want] any contact with {So} [and has told {shim} "
            "so|and has said this clearly|at all]",
        ),
    ),
    "blocked": (
        ("unwanted",),
        (
            "{V} [has blocked|blocked] {shim} on [everything|all social media|{platform}|{vhis} "
            "phone]",
            "{Sp} number [is|has been] blocked on {Vp} phone",
        ),
    ),
    "ended": (
        ("fixated", "unwanted"),
        (
            "{V} ended the relationship [in|around] {sep} <after {n_some} years>",
            "Relationship ended {sep}; {S} [has not accepted it|wants to get back together|"
            "won't accept it]",
            "[Since|Ever since] they [split|separated] in {sep} {S} [has been|has kept] "
            "[contacting {vher}|trying to get {vher} back|turning up]",
            "{V} and {So} [were together|were in a relationship] for {n_some} years and "
            "[separated|split up] in {sep}",
        ),
    ),
    "warned": (
        ("unwanted", "repeated"),
        (
            "{S} [was given|received] [a harassment warning|words of advice|a warning] "
            "[previously|by officers|in {since}] [but|and] [has continued|carried on|it has not "
            "stopped]",
            "[Despite|Even after] [being warned by police|a previous arrest|words of advice] "
            "{S} [has continued|carries on|has not stopped]",
            "[Straight after|Within hours of|The day after] [being released|release from "
            "custody|being bailed] {S} [contacted|messaged|went to] {Vo}",
        ),
    ),
    "volume": (
        ("obsessive", "repeated"),
        (
            "[The|This] contact is [daily|constant|relentless|non-stop], [sometimes|often] "
            "{n_day} [messages|calls] a day",
            "{V} [estimates|says] {vshe} has [had|received] [hundreds|over a thousand|"
            "{n_big}] [messages|calls and msgs] since {since}",
        ),
    ),
}

HISTORY: tuple[str, ...] = (
    "This is the {nth} [report|crime|incident] [in relation to|regarding|re|involving] {So}",
    "[Ongoing|Has been going on|Continuing] since {since}",
    "[See|Linked to|Previous|Prev] [crime|ref|report] {prev_ref}",
    "[Similar|Previous] [reports|incidents] in {prev_month}",
    "[Part of|Forms part of] [an ongoing|a] course of conduct <since {since}>",
    "History of [similar|previous] [incidents|reports] involving {So} since {since}",
    "[Linked|Related] [crimes|reports|occurrences]: {prev_refs}",
    "[Further|Another|Latest] [report|incident] [from|by] {Vo} [re|about|regarding] {So}",
    "{V} has [reported|called police about] {So} {times} since {since}",
)

# The first record of a course often describes how the conduct began.
BEGINNINGS: dict[str, tuple[str, ...]] = {
    "ex_partner": (
        "{V} and {So} [were together|were in a relationship] for {n_some} years and [split "
        "up|separated] in {sep}",
        "{Sintro} has [not accepted|struggled with|refused to accept] the end of the relationship "
        "in {sep}",
        "{V} ended [things|the relationship] with {So} in {sep} [and since then|and ever since|"
        "after which] {sshe} has [kept contacting {vher}|been turning up|not left {vher} alone]",
    ),
    "current_partner": (
        "{V} [is|has been] in a relationship with {So} for {n_some} years",
        "{Sintro} [checks|monitors|controls] {Vp} [phone|movements|money] and [gets angry|"
        "accuses {vher}] if {vshe} [goes out|doesn't answer]",
    ),
    "family": (
        "{Sintro} [fell out with|has not spoken to] {Vo} since [a family row|their mum's "
        "funeral|{sep}] and [has become obsessed with|won't leave] {vher} [alone|]",
    ),
    "acquaintance": (
        "{V} [knows|met] {So} [through friends|from the gym|from a night out|through work "
        "years ago] and [turned down|refused] {shis} [advances|request for a date]",
        "{V} went on [one|two|a couple of] dates with {So} [last year|in {sep}] and [said|told "
        "{shim}] {vshe} was not interested",
        "{S} is [a friend of a friend|someone {vshe} knows from the area]; [after|since] "
        "{vshe} [rejected {shim}|turned {shim} down] {sshe} [has become fixated|won't leave {vher} "
        "alone]",
    ),
    "colleague": (
        "{Sintro} [works with|is a colleague of|used to work with] {Vo} at {work}",
        "{V} [knows|met] {So} through work; {sshe} [asked {vher} out|made advances] and "
        "{vshe} [said no|declined]",
    ),
    "neighbour": (
        "{Sintro} lives [nearby|a few doors away|in the same block] and [has become fixated "
        "on|has taken an interest in] {Vo}",
    ),
    "stranger": (
        "{V} [does not know|doesn't know|has never met] {So} <and has no idea why {sshe} has "
        "picked {vher}>",
        "{V} first [noticed|saw] {So} [at {place}|on {vhis} way to work|at the bus stop] in "
        "{since} and has seen {shim} {times} since",
    ),
    "online_only": (
        "{V} [has never met|does not know] the person behind [the account|the messages] "
        "<in real life>",
        "{V} [matched with|chatted to] {So} on [a dating app|Hinge|Tinder|Bumble] and [stopped "
        "replying|unmatched] after a few [messages|days]",
    ),
}

IMPACTS: dict[str, tuple[str, ...]] = {
    "fear": (
        "{V} [is|was] [terrified|petrified|very frightened|scared|in fear] <[for {vhis} "
        "safety|of what {sshe} will do next|to leave the house]>",
        "VIW [states|says] {vshe} [fears for {vhis} life|is scared {S} will hurt {vher}|"
        "can't sleep]",
        "{V} [is|feels] [constantly on edge|scared to be alone|frightened to go out]",
    ),
    "changed_routine": (
        "{V} has [changed {vhis} route to work|changed {vhis} shifts|stopped going to the "
        "gym|started getting lifts to work|deleted {vhis} social media|had a doorbell camera "
        "fitted|had the locks changed]",
        "{V} no longer [goes out alone|walks the dog on {vhis} own|uses the bus] because of {So}",
    ),
    "moved": (
        "{V} has [since moved|moved house|moved to a new address] [to get away from {shim}|"
        "which {So} is not aware of]",
        "{V} has moved [in with {vhis} mum|to a friend's] [for now|temporarily|until this stops]",
    ),
    "new_number": (
        "{V} has [changed {vhis} number|got a new phone number|had to change {vhis} mobile "
        "number] <because of the calls>",
    ),
    "distress": (
        "{V} [is|has been] [very distressed|really upset|struggling to sleep|signed off work]",
        "{V} [was|appeared] [tearful|shaking|very upset] when [officers attended|giving "
        "{vhis} account]",
    ),
}

POLICE: tuple[str, ...] = (
    "[S-DASH|DASH|DARA] completed - [standard|medium|high] risk",
    "[Screenshots|Call logs|Ring footage|Phone download] [obtained|requested|secured|to be "
    "obtained]",
    "{Sn} [arrested|to be arrested|circulated on PNC|interviewed] <and [RUI|bailed|released "
    "under investigation|charged]>",
    "[Safeguarding|Safety advice] [given|provided] <re [keeping a diary|blocking|"
    "trackers|personal safety]>",
    "[Referred|Referral made] to [ISAC|IDVA|Victim Support|the stalking clinic|MARAC]",
    "[VIW|Statement|MG11] [obtained|taken|to be obtained]",
    "[OIC|Officers] [to follow up|will make contact|to update {Vo}]",
    "[Tag|Marker|Flag] [placed on|added to] the address",
    "Crime [allocated to|passed to|for] [the DA team|CID|the Safeguarding team|response]",
)

# Words that look like stalking but are negated, done by the victim or the police, or another
# sense of the word.
TRAPS: tuple[str, ...] = (
    "{S} denies [following|contacting|sending messages to|being near] {Vo} [and states|"
    "saying] [{sshe} was just in the area|{sshe} lives nearby|{shis} phone was stolen|it was "
    "someone else]",
    "Following the [incident|report|arrest], {V} [went to stay with|stayed with] "
    "[{vhis} mum|a friend|family]",
    "{V} [admits|states] {vshe} [replied|did reply] to [some messages|one message] [asking {shim} "
    "to stop|to try and calm things down]",
    "{V} [followed|used to follow] {So} on [Instagram|FB] [when they were together|years ago] "
    "but has since blocked {shim}",
    "{S} [has made|made] a counter-allegation that {V} [is harassing {shim}|has been messaging "
    "{shim}]; [no evidence|not substantiated|screenshots show otherwise]",
    "Officers [followed up|carried out follow-up enquiries] [the following day|the next day]",
    "No threats [were|have been] made <in the messages>",
    "{S} [has not|hasn't] [been violent|made any threats|been to the address] <so far>",
    "{S} states {sshe} only wants to [talk|apologise|get an explanation]",
    "[Advised|IP advised] [re trackers|to keep a diary|to screenshot everything|re blocking]",
    "{S} [was previously|had previously been] [reported|arrested|warned] for [similar "
    "conduct|harassing a former partner] in {old_year}",
    "{V} [followed up|chased up] [the previous report|the last crime] with the OIC",
    "No [CCTV|witnesses|independent witnesses] [in the area|available]",
)

# Traps that only make sense between (ex-)partners who share children or a home.
PARTNER_TRAPS: tuple[str, ...] = (
    "[Contact|Any contact] regarding the children [is via|should go through] [solicitors|a "
    "contact centre|a family app]",
    "{S} states {sshe} only wants to [see the children|get {shis} belongings back]",
    "{V} [went round|went back] to the [old address|house] to collect {vhis} [belongings|"
    "things] <with a friend>",
)

# Traps for people who were not partners.
OTHER_TRAPS: tuple[str, ...] = (
    "[No contact|They had no contact] [for years|between {old_year} and {since}] <before "
    "this started>",
    "{V} [accepted|once accepted] {Sp} friend request [years ago|in {old_year}] <but has "
    "since removed {shim}>",
)

SPARSE: tuple[str, ...] = (
    "[Further|More|Another] {msgs} from {So} <{span}>",
    "{S} [at address again|attended again|turned up again]",
    "{V} reports [more|further] contact from {So}",
    "[Calls|Msgs|Contact] [continue|continuing|ongoing]",
    "As per [previous|prev] - {S} [contacting|messaging] {Vo} again",
    "{V} reports {S} [has been in touch|made contact] again <{when}>",
)
