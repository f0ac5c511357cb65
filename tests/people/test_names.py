from threadline.people.names import fold, soundex


def test_spelling_variants_share_a_key() -> None:
    assert soundex("Smith") == soundex("Smyth") == "S530"
    assert soundex("Jon") == soundex("John")
    assert soundex("Ashcraft") == "A261"


def test_different_names_differ() -> None:
    assert soundex("Smith") != soundex("Jones")


def test_fold_removes_accents_and_punctuation() -> None:
    assert fold("Zoë O'Brien") == "zoeobrien"
    assert soundex("") == ""
