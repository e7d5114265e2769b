"""Word lists a careful reader uses to tell place names from other words, per language.

All data: common words that are also place names somewhere, demonyms and adjectives,
organisation words, acronyms, and the designator words that say what kind of place
follows or precedes a name. Keys are lower case; "*" lists apply to every language.
"""

from __future__ import annotations

__all__ = [
    "ACRONYMS",
    "COMMON_WORDS",
    "CONTAINMENT_WORDS",
    "DEMONYMS",
    "NAME_PARTICLES",
    "NON_PLACE_NAMES",
    "ORG_NEXT",
    "ORG_PREVIOUS",
    "PLACE_ABBREVIATIONS",
    "PREFIX_DESIGNATORS",
    "SUFFIX_DESIGNATORS",
    "SURNAME_ENDINGS",
    "UNKNOWN_NAME_DESIGNATORS",
    "words_for",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Capitalised at a sentence start or in a headline, these are words, not places.
COMMON_WORDS: dict[str, frozenset[str]] = {
    "id": _words(
        "ini itu para pada dari dalam untuk kata baca juga foto sumber minggu senin selasa rabu "
        "kamis jumat sabtu januari februari maret april mei juni juli agustus september oktober "
        "november desember hari malam siang pagi sore tidak ada sebagai setelah sejak dan atau "
        "namun tetapi menurut bahkan hingga sampai dengan oleh bagi kami kita mereka dia ia "
        "tokoh layanan pertemuan pada saat sebagian beberapa kegagalan negara presiden perdana "
        "menteri wakil kepala dinas aparat pasukan warga desa kota distrik wilayah provinsi "
        "kabupaten daerah pusat barat timur utara selatan tengah baru lama besar kecil dua tiga "
        "satu empat lima enam tujuh delapan sembilan sepuluh sebelas tahun bulan jam pukul "
        "siaga damai aman raya jaya indah bumi tanah air laut gunung sungai danau pulau pantai "
        "berita redaksi penulis editor reporter halaman sekjen gencatan posted by di ke "
        "baku bendera ketika saat kemudian selain sementara terkait kali sama gas"
    ),
    "en": _words(
        "the this that these those but and or of in on at by for with from to as is was were "
        "may march june july august monday tuesday wednesday thursday friday saturday sunday "
        "january february april september october november december president minister prime "
        "police reading mobile nice split bath independence liberty victory unity freedom "
        "central north south east west new old great little upper lower fort mount lake river "
        "city town village district region province state republic kingdom union federation "
        "border government officials official army troops forces news report reports posted "
        "after before during while since until however meanwhile according photo source "
        "jan feb mar apr jun jul aug sep sept oct nov dec"
    ),
    "ru": _words(
        "в во на по из к ко о об от до за под над при про для как это эти что чем где когда "
        "также однако после перед между против кроме понедельник вторник среда четверг пятница "
        "суббота воскресенье январь февраль март апрель май июнь июль август сентябрь октябрь "
        "ноябрь декабрь президент министр премьер глава власти граница фото источник мир победа "
        "свобода центральный центральная северный южный восточный западный новый старый город "
        "село район область республика днём днем утром вечером ночью"
    ),
    "*": _words("photo foto фото copyright reuters afp ap tass ria interfax"),
}

#: Demonyms and adjectives: never place mentions.
DEMONYMS: frozenset[str] = _words(
    "tajik tajiks tadjik kyrgyz kirgiz kirgis kyrgyzs kazakh kazakhs kazak uzbek uzbeks turkmen "
    "afghan afghans russian russians american americans chinese soviet belarusian armenian "
    "iranian pakistani indian ukrainian european asian pashtun hazara "
    "тажик таджик таджики киргиз кыргыз казах узбек туркмен афганец русский российский "
    "американский китайский советский"
)

#: Names of groups and movements that gazetteers record as alternate place names.
NON_PLACE_NAMES: frozenset[str] = _words(
    "taliban talibans hamas hezbollah isis isil daesh al-qaeda alqaeda kremlin allah "
    "талибан талибы игил"
)

#: Organisation and alliance acronyms that contain or precede place names ("NATO Rusia").
ACRONYMS: frozenset[str] = _words(
    "nato csto odkb одкб osce obse обсе un pbb оон eu ue ес sco шос cis sng снг cia fsb фсб "
    "gknb гкнб tv rfe rferl bbc cnn afp ap tass ria"
)

#: A capitalised word right before a place name that makes it part of an organisation name.
ORG_PREVIOUS: frozenset[str] = _words(
    "radio air bank universitas university maskapai harian koran televisi televisión "
    "эйр банк радио университет агентство газета телеканал"
)

#: A word right after a place name that makes it part of an organisation name.
ORG_NEXT: frozenset[str] = _words(
    "airways airlines air news times post wire tv today media plus daily telegraph group bank "
    "university cooperation organisation organization council institute agency press herald "
    "gazette journal tribune online express international inform info "
    "airways-nya ньюс пресс информ банк"
)

#: Surname endings: a place-like name followed by one is a person ("Nursultan Nazarbayev").
SURNAME_ENDINGS: tuple[str, ...] = (
    "ov", "ev", "yev", "ova", "eva", "yeva", "bayev", "uly", "kyzy", "ovich", "evich",
    "ов", "ев", "ова", "ева", "ович", "евич", "улы",
)  # fmt: skip

#: Short capitalised abbreviations that do name places (kept despite their length).
PLACE_ABBREVIATIONS: frozenset[str] = _words("рф сша кнр оаэ usa uae")

#: Lower-case words that may stand inside a multi-word place name.
NAME_PARTICLES: frozenset[str] = _words(
    "de del la le al el ad an as ash of and on upon i na pod nad и на над де"
)

#: Words before a name that say what kind of place it is.
PREFIX_DESIGNATORS: dict[str, dict[str, frozenset[str]]] = {
    "id": {
        "desa": frozenset({"populated_place"}),
        "kampung": frozenset({"populated_place"}),
        "kota": frozenset({"populated_place"}),
        "distrik": frozenset({"admin2"}),
        "kabupaten": frozenset({"admin2"}),
        "kecamatan": frozenset({"admin2"}),
        "wilayah": frozenset({"admin1", "admin2"}),
        "provinsi": frozenset({"admin1"}),
        "oblast": frozenset({"admin1"}),
        "bandara": frozenset({"landmark", "populated_place"}),
        "kosmodrom": frozenset({"landmark"}),
    },
    "en": {
        "village": frozenset({"populated_place"}),
        "town": frozenset({"populated_place"}),
        "city": frozenset({"populated_place"}),
        "province": frozenset({"admin1"}),
    },
    "ru": {
        "село": frozenset({"populated_place"}),
        "селе": frozenset({"populated_place"}),
        "села": frozenset({"populated_place"}),
        "город": frozenset({"populated_place"}),
        "городе": frozenset({"populated_place"}),
        "поселок": frozenset({"populated_place"}),
        "посёлок": frozenset({"populated_place"}),
        "космодром": frozenset({"landmark"}),
        "космодроме": frozenset({"landmark"}),
    },
}

#: Words after a name that say what kind of place it is (joined to the mention when capitalised).
SUFFIX_DESIGNATORS: dict[str, frozenset[str]] = {
    "region": frozenset({"admin1"}),
    "oblast": frozenset({"admin1"}),
    "область": frozenset({"admin1"}),
    "район": frozenset({"admin2"}),
    "province": frozenset({"admin1"}),
    "district": frozenset({"admin2"}),
    "raion": frozenset({"admin2"}),
    "rayon": frozenset({"admin2"}),
    "cosmodrome": frozenset({"landmark"}),
    "village": frozenset({"populated_place"}),
}

#: Prefix designators after which an unknown capitalised word is still read as a place name.
UNKNOWN_NAME_DESIGNATORS: frozenset[str] = _words("desa kampung village село селе села")

#: Words that say the next place contains the previous one ("X di Y", "X in Y", "X в Y").
CONTAINMENT_WORDS: frozenset[str] = _words("di in в во of near dekat")


def words_for(table: dict[str, frozenset[str]], language: str) -> frozenset[str]:
    """The list for ``language`` together with the one for every language."""
    return table.get(language, frozenset()) | table.get("*", frozenset())
