"""Names, passport numbers and addresses plausible for each nationality.

Faker supplies the names (one locale per nationality, romanised the way
passports print them); the generator samples from pools built once per run, so
a national data set costs a few thousand Faker calls, not a million.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import numpy as np
from faker import Faker
from faker.decode import unidecode

# nationality -> (Faker locale, how names are made)
LOCALES = {
    "CHN": ("zh_CN", "romanized"), "TWN": ("zh_TW", "romanized"), "JPN": ("ja_JP", "romanized"),
    "KOR": ("ko_KR", "transliterated"), "IND": ("en_IN", "plain"), "MYS": ("id_ID", "malay"),
    "PHL": ("en_PH", "plain"), "USA": ("en_US", "plain"), "AUS": ("en_AU", "plain"),
    "SGP": ("zh_CN", "romanized"), "GBR": ("en_GB", "plain"), "VNM": ("vi_VN", "transliterated"),
    "THA": ("th_TH", "transliterated"), "DEU": ("de_DE", "plain"), "FRA": ("fr_FR", "plain"),
    "NLD": ("nl_NL", "plain"), "RUS": ("ru_RU", "transliterated"), "TUR": ("tr_TR", "plain"),
    "BGD": ("en_PK", "plain"), "PAK": ("en_PK", "plain"), "ESP": ("es_ES", "plain"),
    "ITA": ("it_IT", "plain"), "CAN": ("en_CA", "plain"), "NZL": ("en_NZ", "plain"),
    "BRA": ("pt_BR", "plain"), "IDN": ("id_ID", "plain"),
}
SURNAME_FIRST = {"CHN", "TWN", "JPN", "KOR", "VNM", "SGP"}
# Passport-style romanisation of the commonest Korean surnames.
_KOREAN_SURNAMES = {"GIM": "KIM", "I": "LEE", "BAG": "PARK", "JEONG": "JUNG", "CHOE": "CHOI",
                    "GANG": "KANG", "JO": "CHO", "YUN": "YOON", "HAN": "HAN", "O": "OH"}
# Passport number shapes: L letter, D digit, anything else literal.
PASSPORT_SHAPES = {
    "CHN": "EDDDDDDDD", "JPN": "LLDDDDDDD", "KOR": "MDDDLDDDD", "IND": "LDDDDDDD",
    "MYS": "ADDDDDDDD", "PHL": "PDDDDDDDL", "USA": "DDDDDDDDD", "AUS": "PADDDDDDD",
    "GBR": "DDDDDDDDD", "SGP": "KDDDDDDDL", "TWN": "DDDDDDDDD",
}
DEFAULT_SHAPE = "LLDDDDDDD"
POOL_SIZE = 400
_LETTERS = np.array(list("ABCDEFGHJKLMNPRSTUVWXYZ"))


def cp1252_safe(text: str) -> str:
    """Upper case, keeping accents Windows-1252 can encode (MÜLLER) and dropping the rest."""
    out = []
    for char in text.upper():
        try:
            char.encode("cp1252")
            out.append(char)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char)
            out.append("".join(c for c in base if not unicodedata.combining(c)
                               and c.encode("cp1252", "ignore")))
    return " ".join("".join(out).replace("-", " ").split())


@dataclass(frozen=True)
class NamePool:
    male: np.ndarray
    female: np.ndarray
    last: np.ndarray
    surname_first: bool


def _draw(fake: Faker, how: str, sex: str, part: str) -> str:
    if how == "romanized":
        return fake.last_romanized_name() if part == "last" else fake.first_romanized_name()
    if part == "last":
        value = fake.last_name()
    else:
        value = fake.first_name_male() if sex == "M" else fake.first_name_female()
    return unidecode(value) if how == "transliterated" else value


def name_pool(nationality: str, seed: int) -> NamePool:
    locale, how = LOCALES.get(nationality, ("en_US", "plain"))
    fake = Faker(locale)
    fake.seed_instance(seed)
    male = [cp1252_safe(_draw(fake, how, "M", "first")) for _ in range(POOL_SIZE)]
    female = [cp1252_safe(_draw(fake, how, "F", "first")) for _ in range(POOL_SIZE)]
    last = [cp1252_safe(_draw(fake, how, "M", "last")) for _ in range(POOL_SIZE)]
    if nationality == "KOR":
        last = [_KOREAN_SURNAMES.get(name, name) for name in last]
    if how == "malay":  # Malay names: given name, BIN/BINTI and the father's name
        fathers = male[::-1]
        female = [f"{a} BINTI {b}" for a, b in zip(female, fathers, strict=True)]
        male = [f"{a} BIN {b}" for a, b in zip(male, fathers, strict=True)]
        last = [""] * POOL_SIZE
    return NamePool(*(np.array(pool, dtype=object) for pool in (male, female, last)),
                    surname_first=nationality in SURNAME_FIRST)


def full_names(rng: np.random.Generator, nationalities: np.ndarray, female: np.ndarray,
               seed: int) -> np.ndarray:
    """A full name per person, in the order the nationality's passports print it."""
    out = np.empty(len(nationalities), dtype=object)
    for offset, code in enumerate(sorted(set(nationalities.tolist()))):
        chosen = np.flatnonzero(nationalities == code)
        pool = name_pool(code, seed * 1000 + offset)
        is_female = female[chosen]
        first = np.where(is_female, pool.female[rng.integers(len(pool.female), size=len(chosen))],
                         pool.male[rng.integers(len(pool.male), size=len(chosen))])
        last = pool.last[rng.integers(len(pool.last), size=len(chosen))]
        parts = (last, first) if pool.surname_first else (first, last)
        joined = np.char.add(np.char.add(parts[0].astype(str), " "), parts[1].astype(str))
        out[chosen] = np.char.strip(joined).astype(object)
    return out


def passport_numbers(rng: np.random.Generator, serials: np.ndarray,
                     nationalities: np.ndarray) -> np.ndarray:
    """Unique passport numbers shaped like each nationality's.

    The first seven digit positions carry a scrambled serial, unique per
    person, so no two people of one nationality share a number.
    """
    scrambled = (serials.astype(np.int64) * 7_368_787 + int(rng.integers(10**7))) % 10**7
    out = np.empty(len(serials), dtype=object)
    for code in sorted(set(nationalities.tolist())):
        chosen = np.flatnonzero(nationalities == code)
        shape = PASSPORT_SHAPES.get(code, DEFAULT_SHAPE)
        value = scrambled[chosen]
        columns, digit_positions = [], 0
        for char in shape:
            if char == "D" and digit_positions < 7:
                columns.append((value // 10 ** (6 - digit_positions) % 10).astype(str))
                digit_positions += 1
            elif char == "D":
                columns.append(rng.integers(10, size=len(chosen)).astype(str))
            elif char == "L":
                columns.append(_LETTERS[rng.integers(len(_LETTERS), size=len(chosen))])
            else:
                columns.append(np.full(len(chosen), char))
        joined = columns[0].astype(object)
        for column in columns[1:]:
            joined = joined + column.astype(object)
        out[chosen] = joined
    return out


def street_addresses(seed: int, size: int = 2000) -> np.ndarray:
    """Indonesian street addresses (Faker id_ID) to sample from."""
    fake = Faker("id_ID")
    fake.seed_instance(seed)
    return np.array([cp1252_safe(fake.street_address()) for _ in range(size)], dtype=object)
