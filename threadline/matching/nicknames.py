"""Given names people go by: 'Bill' on the police record is 'William' at the GP.

A short table of common English diminutives, enough for the matcher to score a nickname as a
near-exact name rather than as two different people. Each name maps to the formal names it can
stand for; a name stands for itself.
"""

from __future__ import annotations

from functools import cache

from threadline.people.names import fold

_FORMAL_TO_NICKNAMES = {
    "abigail": "abi abby gail",
    "alexander": "alex alec sandy xander",
    "alexandra": "alex lexi sandra sasha",
    "alfred": "alf alfie fred",
    "andrew": "andy drew",
    "anthony": "tony ant",
    "barbara": "barb babs",
    "benjamin": "ben benji benny",
    "catherine": "cath cathy kate katie kath kathy",
    "charles": "charlie chas chuck",
    "charlotte": "charlie lottie lotte",
    "christine": "chris chrissie tina",
    "christopher": "chris kit topher",
    "daniel": "dan danny",
    "david": "dave davey",
    "deborah": "debbie deb debs",
    "dorothy": "dot dotty",
    "edward": "ed eddie ted teddy ned",
    "elizabeth": "liz lizzie beth betty eliza libby elsie bess",
    "eleanor": "ellie nell nora",
    "emily": "em emmy millie",
    "frederick": "fred freddie",
    "gabriel": "gabe",
    "harold": "harry hal",
    "henry": "harry hal hank",
    "isabella": "bella izzy isla",
    "jacob": "jake",
    "james": "jim jimmy jamie",
    "jennifer": "jen jenny",
    "jessica": "jess jessie",
    "john": "jack johnny jon",
    "jonathan": "jon jonny",
    "joseph": "joe joey",
    "joshua": "josh",
    "katherine": "kate katie kath kathy kat",
    "kimberley": "kim",
    "lawrence": "larry laurie",
    "leonard": "len lenny leo",
    "margaret": "maggie meg peggy madge marge",
    "matthew": "matt matty",
    "michael": "mike mick micky",
    "nathan": "nat nate",
    "nathaniel": "nat nate",
    "nicholas": "nick nicky",
    "oliver": "ollie",
    "patricia": "pat patty trish",
    "patrick": "pat paddy",
    "peter": "pete",
    "rebecca": "becky becca",
    "richard": "rich rick ricky dick",
    "robert": "rob robbie bob bobby bert",
    "ronald": "ron ronnie",
    "samantha": "sam sammy",
    "samuel": "sam sammy",
    "sarah": "sally sadie",
    "stephen": "steve stevie",
    "steven": "steve stevie",
    "susan": "sue susie",
    "terence": "terry",
    "theodore": "theo ted teddy",
    "thomas": "tom tommy",
    "timothy": "tim timmy",
    "victoria": "vicky tori",
    "william": "will bill billy liam willie",
    "zachary": "zach zak",
}


@cache
def _formal_names() -> dict[str, str]:
    table: dict[str, str] = {}
    for formal, nicknames in _FORMAL_TO_NICKNAMES.items():
        table.setdefault(formal, formal)
        for nickname in nicknames.split():
            # A nickname shared by two formal names ('alex') keeps the first: it still brings
            # the two records together, and the date of birth tells them apart.
            table.setdefault(nickname, formal)
    return table


def formal_name(given: str) -> str:
    """The formal given name a name stands for, folded: 'Bill' gives 'william'."""
    folded = fold(given)
    return _formal_names().get(folded, folded)


def nicknames() -> dict[str, str]:
    """Every name in the table with the formal name it stands for."""
    return dict(_formal_names())
