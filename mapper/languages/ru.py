"""Russian: the language pack. Words are also read by their dictionary forms
(:mod:`mapper.languages.russian_morphology`), so inflected names and numbers are found."""

from __future__ import annotations

from mapper.event_types import (
    ABDUCTION,
    AGREEMENT,
    AIR,
    ARRESTS,
    ATTACK,
    BASE,
    BLOCKADE,
    CLASH,
    DEPLOYMENT,
    EVACUATION,
    EXPLOSIVE,
    INTERVENTION,
    LOOTING,
    MOB,
    OTHER,
    OUTAGE,
    PROTEST,
    SHELLING,
    TRANSFER,
    VIOLENT_DEMO,
)
from mapper.languages.pack import (
    CasualtyWords,
    ColumnNames,
    DateWords,
    EventWords,
    FurnitureCues,
    IncidentPlaceWords,
    LanguagePack,
    Morphology,
    NumberWords,
    PlaceNameWords,
    word_set,
    word_tuple,
)
from mapper.languages.russian_morphology import is_cyrillic, is_surname, lemmas, readings

__all__ = ["PACK"]

PLACE_NAMES = PlaceNameWords(
    common_words=word_set(
        "в во на по из к ко о об от до за под над при про для как это эти что чем где когда "
        "также однако после перед между против кроме понедельник вторник среда четверг пятница "
        "суббота воскресенье январь февраль март апрель май июнь июль август сентябрь октябрь "
        "ноябрь декабрь президент министр премьер глава власти граница фото источник мир победа "
        "свобода центральный центральная северный южный восточный западный новый старый город "
        "село район область республика днём днем утром вечером ночью"
    ),
    demonyms=word_set(
        "тажик таджик таджики киргиз кыргыз казах узбек туркмен афганец русский российский "
        "американский китайский советский"
    ),
    non_place_names=word_set("талибан талибы игил"),
    acronyms=word_set("одкб обсе оон ес шос снг фсб гкнб"),
    organisation_before=word_set("эйр банк радио университет агентство газета телеканал"),
    organisation_after=word_set("ньюс пресс информ банк"),
    surname_endings=("ов", "ев", "ова", "ева", "ович", "евич", "улы"),
    place_abbreviations=word_set("рф сша кнр оаэ"),
    name_particles=word_set("и на над де"),
    prefix_designators={
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
    suffix_designators={
        "область": frozenset({"admin1"}),
        "район": frozenset({"admin2"}),
    },
    unknown_name_designators=word_set("село селе села"),
    containment_words=word_set("в во"),
)

DATES = DateWords(
    months={
        1: "январ[ьяе]",
        2: "феврал[ьяе]",
        3: "март[ае]?",
        4: "апрел[ьяе]",
        5: "ма[йяе]",
        6: "июн[ьяе]",
        7: "июл[ьяе]",
        8: "август[ае]?",
        9: "сентябр[ьяе]",
        10: "октябр[ьяе]",
        11: "ноябр[ьяе]",
        12: "декабр[ьяе]",
    },
    month_names=word_tuple(
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
    ),
    weekdays={
        0: "понедельник\\w*",
        1: "вторник\\w*",
        2: "сред[уаы]",
        3: "четверг\\w*",
        4: "пятниц[уаые]",
        5: "суббот[уаые]",
        6: "воскресень[еяю]",
    },
    day_offsets={"прошлой ночью": -1, "этой ночью": 0, "сегодня ночью": 0},
    week_offsets={"на прошлой неделе": -1, "прошлой недели": -1, "на этой неделе": 0},
    year_offsets={"в прошлом году": -1, "прошлого года": -1, "в этом году": 0},
    anaphora={
        "в тот же день": 0,
        "в этот же день": 0,
        "в тот день": 0,
        "накануне": -1,
        "на следующий день": 1,
        "на другой день": 1,
    },
    relative=r"позавчера|вчера|сегодня|(?:\d+|два|три|четыре|пять)\s+(?:дня|дней|день)\s+назад",
    relative_days={"позавчера": -2, "вчера": -1, "сегодня": 0},
    days_ago=r"([0-9]+) (?:дня|дней|день) назад",
    small_numbers={"два": "2", "три": "3", "четыре": "4", "пять": "5"},
    strict_weekday=(r"(?:в|во|с|со|до|к|по)\s+(?:прошл\w+\s+)?", r""),
    strict_words=r"прошл\w+",
    year_context=r"(?:в|с|до)\s+",
)

_UNITS = word_tuple(
    """один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать
    тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать"""
)
_TENS = word_tuple("двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто")
_HUNDREDS = word_tuple("сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот")
_COLLECTIVE = word_tuple("двое трое четверо пятеро шестеро семеро восьмеро девятеро десятеро")

NUMBERS = NumberWords(
    words={
        **{word: n for n, word in enumerate(_UNITS, 1)},
        **{word: 10 * n for n, word in enumerate(_TENS, 2)},
        **{word: 100 * n for n, word in enumerate(_HUNDREDS, 1)},
        **{word: n for n, word in enumerate(_COLLECTIVE, 2)},
        "одна": 1,
    },
    multipliers={"тысяча": 1000, "миллион": 1_000_000},
    vague_amounts={
        r"десятк\w*\s+тысяч": 10_000,
        r"сотн\w*\s+тысяч": 100_000,
        r"сотен\s+тысяч": 100_000,
        r"нескольк\w*\s+десятк\w*": 12,
        r"нескольк\w*\s+сот\w*": 100,
        r"нескольк\w*\s+тысяч\w*": 1000,
        r"нескольк\w*": 3,
        r"десятк(?:и|ов|ам|ами|ах)": 12,
        r"сотни|сотен|сотням|сотнями": 100,
        r"тысячи|тысяч|тысячам|тысячами": 1000,
    },
    spaced_thousands=True,
    inflected=True,
    conjunctions=word_set("и"),
    measures=word_set("лет года году год часов часа минут км километров процентов долларов"),
)

CASUALTIES = CasualtyWords(
    killed=r"погиб\w*|гибел\w*|убит\w*|убил\w*|жертв\w*|скончал\w*",
    injured=r"ранен\w*|ранил\w*|пострадал\w*|пострадавш\w*|травм\w*",
    victims_follow=r"гибел\w*|жертв\w*|убил\w*|ранил\w*|ранени\w*",
    toll_reaches=r"до|достигло|достиг|составило|составляет",
    according_to=r"\bпо\s+(?:данным|словам|информации|сообщению|сведениям)\s+",
    said_before_claimant=r"\b(?:сообщил[аио]?|заявил[аио]?|сообщает|заявляет|рассказал[аио]?"
    r"|переда[её]т)\s+",
    said_after_claimant=r"\s(?:сообщил[аио]?|заявил[аио]?|сообщают|заявляют|сообщала|сообщали"
    r"|ранее\s+сообщала)\b",
    phrase_stops=word_set("в во на с о об что уже ранее также"),
    pronouns=word_set("он она они мы"),
    prepositions=word_set("из с от"),
)

_NATION = (
    r"(?:кыргызск|киргизск|таджикск|казахск|казахстанск|российск|узбекск|афганск|американск)\w*"
)
_FORCE = (
    r"(?:пограничник\w*|погранслужб\w*|пограничн\w*\s+служб\w*|военнослужащ\w*|военн\w*"
    r"|сил(?:ы|ам|ами|ах)?|войск\w*|арми[яиюей]|десантник\w*|миротворц\w*|полици\w*"
    r"|силовик\w*|власт(?:и|ей|ям|ями|ях)|сторон[аыуе]|протестующ\w*|демонстрант\w*"
    r"|митингующ\w*|боевик\w*)"
)
_COUNTRY = (
    r"(?:Кыргызстана|Киргизии|Таджикистана|Казахстана|Узбекистана|России|Афганистана|США|ОДКБ)"
)

EVENTS = EventWords(
    cues=(
        (
            r"столкновени\w*|перестрелк\w*|бо(?:й|я|ю|ем|е|и|ёв|ев|ям|ями|ях)"
            r"|боев(?:ые|ых)\s+действи\w*|стрельб\w*|сражени\w*",
            CLASH,
        ),
        (r"авиаудар\w*|(?:удар|атак)\w*\s+беспилотник\w*|бомбардировк\w*", AIR),
        (
            r"обстрел\w*|обстрелял\w*|миномёт\w*|миномет\w*|артиллери\w*|артобстрел\w*"
            r"|ракетн\w*\s+удар\w*|гранатомёт\w*|гранатомет\w*|снаряд\w*",
            SHELLING,
        ),
        (r"подрыв\w*|взрывн\w*\s+устройств\w*|фугас\w*|СВУ", EXPLOSIVE),
        (r"штурм\w*|захват\w*|захвачен\w*", MOB),
        (r"беспорядк\w*|погром\w*|бесчинств\w*|снесли", VIOLENT_DEMO),
        (r"похищ\w*|похитил\w*", ABDUCTION),
        (r"напал\w*\s+на\s+мирн\w*|расстрел\w*", ATTACK),
        (r"разогнал\w*|разгон\w*|слезоточив\w*", INTERVENTION),
        (
            r"протест\w*|митинг\w*|демонстрац\w*|демонстрант\w*|протестующ\w*|митингующ\w*"
            r"|вышли\s+на\s+(?:[\w-]+\s+)?(?:улиц|площад)\w*"
            r"|собрал\w*\s+на\s+(?:[\w-]+\s+)?(?:площад|улиц)\w*|пикет\w*|шестви\w*",
            PROTEST,
        ),
        (r"(?:взял\w*|перешл\w*|перешёл|перешел)\s+под\s+контроль|вошли\s+в", TRANSFER),
        (
            r"ввод\w*\s+войск\w*|вв[её]л\w*\s+войск\w*|контингент\w*|миротвор\w*"
            r"|переброс\w*|перебросил\w*|направ\w*\s+для\s+охран\w*|для\s+охраны"
            r"|развернут\w*|развёрнут\w*",
            DEPLOYMENT,
        ),
        (r"задержан\w*|задержал\w*|арест\w*", ARRESTS),
        (r"сожж[её]н\w*|сожжены|подожгл\w*|поджог\w*|разграбл\w*|мародер\w*|мародёр\w*", LOOTING),
        (r"перекрыл\w*\s+(?:[\w-]+\s+)?(?:дорог|трасс|улиц)\w*|блокад\w*|блокирова\w*", BLOCKADE),
        (r"эвакуац\w*|эвакуирова\w*|вывезли|вывезен\w*|покинули\s+(?:свои\s+)?дома", EVACUATION),
        (
            r"отключени\w*\s+(?:электроэнергии|электричества|света)"
            r"|без\s+(?:света|электричества|электроэнергии)|обесточен\w*|блэкаут\w*",
            OUTAGE,
        ),
        (r"(?:создал\w*|открыл\w*|разместил\w*)\s+(?:[\w-]+\s+)?баз\w*", BASE),
        (r"договорил\w*|соглашени\w*|договор[её]нност\w*|подписал\w*|перемири\w*", AGREEMENT),
        (r"учени[яйе]\w*|манёвр\w*|маневр\w*|боев\w*\s+стрельб\w*", OTHER),
    ),
    secondary_markers=r"в\s+ходе|во\s+время|в\s+результате|после|из-за|на\s+фоне|при"
    r"|участник\w*|с\s+начала|для|ранее|бежали\s+от",
    anaphora=(r"(?:этот|эти|это|этих|этой|эту|этого|тех|того|такие)\s+$", r""),
    negations=r"без|нет|не|ни",
    unrealised=r"планиру\w*|пройдут|будут|намерен\w*|собира\w*|состоятся|если|как\s+будто"
    r"|словно",
    demonstrative_opening=r"это|эта|этот",
    means=r"миномёт\w*|миномет\w*|артиллери\w*|гранатомёт\w*|гранатомет\w*|снаряд\w*",
    participants=r"протестующ\w*|демонстрант\w*|митингующ\w*",
    deployed_forces=r"десантник\w*|миротвор\w*|ОДКБ",
    armed_groups=r"талиб\w*|талибан\w*|боевик\w*",
    determiners=r"этих|тех",
    actors=(
        rf"{_NATION}\s+{_FORCE}",
        rf"{_FORCE}\s+{_COUNTRY}",
        r"протестующ\w*|демонстрант\w*|митингующ\w*|миротворц\w*|десантник\w*|полици\w*"
        r"|боевик\w*",
        r"Организаци\w*\s+Договора\s+о\s+коллективной\s+безопасности|Талибан\w*|ОДКБ|НАТО|ИГИЛ",
    ),
    organisations=r"\b(?:Министерств\w*|Госкомитет\w*|Пограничн\w+\s+служб\w*)(?:\s+[А-ЯЁ][\w-]*)+",
)

INCIDENT_PLACES = IncidentPlaceWords(
    locative=r"в|во|на|по|у|под|около|к",
    destination=r"в|во|к",
    origin=r"из|с",
    agent=r"от|по\s+данным|(?:сообщили|заявили)\s+(?:в|во)",
    speaker=r"заявил\w*|сообщил\w*|призвал\w*|обвинил\w*|считает|отказал\w*|напомнил\w*",
    nationwide=r"по\s+всей\s+стране",
    list_link=r"и",
    speaker_in_locative=True,
)

FURNITURE = FurnitureCues(
    labels=(
        ("byline", "авторы?"),
        ("byline", "редактор"),
        ("byline", "корреспондент"),
        ("byline", "обозреватель"),
        ("byline", "источник"),
        ("byline", "текст"),
        ("byline", "подготовила?"),
        ("subscription", "подписаться"),
        ("photo_credit", "фото"),
        ("photo_credit", "фотография"),
        ("photo_credit", "иллюстрация"),
        ("photo_credit", "изображение"),
        ("photo_credit", "кадр"),
        ("related", "читайте также"),
        ("related", "читайте тоже"),
        ("related", "читать также"),
        ("related", "смотрите также"),
        ("related", r"см\. также"),
        ("related", "по теме"),
        ("related", "е[щё]е по теме"),
        ("related", "(?:материалы|новости) по теме"),
        ("related", "подробнее"),
        ("related", "читать далее"),
        ("share", "поделиться"),
        ("share", "комментари[ийя]"),
        ("share", "обсуждение"),
    ),
    phrases=(
        ("subscription", r"подпи(?:сывайтесь|шитесь) на"),
        ("subscription", r"следите за (?:новостями|нами|событиями)"),
        ("subscription", r"присоединяйтесь к"),
        ("subscription", r"читайте (?:нас|наши новости) в"),
        ("copyright", r"[^\r\n]{0,150}?все права защищены"),
        (
            "copyright",
            r"при (?:полном или частичном )?(?:использовании|цитировании|копировании) материалов",
        ),
        ("share", r"поделитесь (?:этой )?(?:новостью|статьей|статьёй|материалом)"),
        ("share", r"оставьте комментарий"),
    ),
    inline_credits=("фото", "иллюстрация"),
)

COLUMNS = ColumnNames(
    roles={
        "id": ("идентификатор",),
        "lat": ("широта",),
        "lon": ("долгота",),
        "place": ("место", "населенный пункт", "населённый пункт", "село", "локация"),
        "date": ("дата",),
        "type": ("тип",),
        "fatalities": ("погибшие", "убитые"),
        "injuries": ("раненые", "ранено"),
        "description": ("описание", "примечание"),
        "url": ("ссылка", "ссылки"),
        "source": ("источник",),
        "country": ("страна",),
        "admin1": ("область", "регион"),
        "admin2": ("район",),
    },
    qualifiers=word_set("англ английский рус русский кыр тадж"),
    type_words={
        "Air/drone strike": "беспилотник|дрон",
        "Shelling/artillery/missile attack": "обстрел|артиллер|миномет|миномёт|ракет",
        "Grenade": "граната|гранат",
        "Remote explosive/landmine/IED": r"взрыв|мина(?!\w)",
        "Armed clash": r"столкновени|боестолкновени|перестрелк|бо[йия](?!\w)",
        "Violent demonstration": "беспорядк|погром",
        "Mob violence": "самосуд",
        "Peaceful protest": "протест|митинг|демонстрац|пикет",
        "Abduction/forced disappearance": "похищени|заложник",
        "Attack": "убийств|нападение на мирных",
        "Looting/property destruction": "мародер|мародёр|поджог",
        "Arrests": "задержан|арест",
        "Agreement": "перемири|соглашени|договор",
        "Change to group/activity": "переброск|комендантск|чрезвычайн",
    },
)

PACK = LanguagePack(
    code="ru",
    name="Russian",
    place_names=PLACE_NAMES,
    dates=DATES,
    numbers=NUMBERS,
    casualties=CASUALTIES,
    events=EVENTS,
    incident_places=INCIDENT_PLACES,
    abbreviations=word_set(
        """г гг т.е т.к т.д т.п ул им ген см др млн млрд тыс руб просп обл р-н с пос д стр
        англ рус т н.э км чел ст проф акад"""
    ),
    furniture=FURNITURE,
    columns=COLUMNS,
    morphology=Morphology(
        applies=is_cyrillic,
        lemmas=lemmas,
        readings=readings,
        is_surname=is_surname,
    ),
    word_frequencies="ru",
    dateparser="ru",
)
