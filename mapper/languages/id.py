"""Indonesian (Bahasa Indonesia): the language pack. Malay text is read as Indonesian."""

from __future__ import annotations

from mapper.event_types import (
    ABDUCTION,
    AGREEMENT,
    AIR,
    ARRESTS,
    ATTACK,
    BASE,
    BLOCKADE,
    CHANGE,
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
    NumberWords,
    PlaceNameWords,
    word_set,
    word_tuple,
)

__all__ = ["PACK"]

PLACE_NAMES = PlaceNameWords(
    common_words=word_set(
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
    acronyms=word_set("pbb ue"),
    organisation_before=word_set("universitas maskapai harian koran televisi"),
    organisation_after=word_set("airways-nya"),
    prefix_designators={
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
    unknown_name_designators=word_set("desa kampung"),
    containment_words=word_set("di dekat"),
)

DATES = DateWords(
    months={
        1: "januari|jan",
        2: "februari|pebruari|feb",
        3: "maret|mar",
        4: "april|apr",
        5: "mei",
        6: "juni|jun",
        7: "juli|jul",
        8: "agustus|agu|agt|ags",
        9: "september|sept|sep",
        10: "oktober|okt",
        11: "november|nopember|nov",
        12: "desember|des",
    },
    month_names=word_tuple(
        "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
    ),
    weekdays={
        0: "senin",
        1: "selasa",
        2: "rabu",
        3: "kamis",
        4: "jum'?at",
        5: "sabtu",
        6: "(?-i:Minggu)|ahad",
    },
    day_offsets={
        "tadi malam": -1,
        "semalam": -1,
        "tadi pagi": 0,
        "pagi ini": 0,
        "siang ini": 0,
        "malam ini": 0,
    },
    week_offsets={
        "pekan lalu": -1,
        "(?-i:minggu) lalu": -1,
        "pekan ini": 0,
        "(?-i:minggu) ini": 0,
    },
    year_offsets={"tahun lalu": -1, "tahun ini": 0},
    anaphora={
        "hari yang sama": 0,
        "jam yang sama": 0,
        "malam harinya": 0,
        "sore harinya": 0,
        "sehari sebelumnya": -1,
        "sehari kemudian": 1,
        "keesokan harinya": 1,
    },
    relative=r"kemarin\s+lusa|kemarin|hari\s+ini"
    r"|(?:\d+|dua|tiga|empat|lima)\s+hari\s+(?:yang\s+)?lalu",
    relative_days={"kemarin lusa": -2, "kemarin": -1, "hari ini": 0},
    days_ago=r"([0-9]+) hari lalu",
    small_numbers={"dua": "2", "tiga": "3", "empat": "4", "lima": "5"},
    strict_weekday=(r"", r"(?:\s+(?:lalu|kemarin))?"),
    strict_words=r"lalu|kemarin",
    year_context=r"(?:pada|tahun|sejak|hingga|sampai)\s+(?:tahun\s+)?",
    deadline=r"hingga|sampai|s\.d\.|sd",
)

_UNITS = word_tuple("satu dua tiga empat lima enam tujuh delapan sembilan")

NUMBERS = NumberWords(
    words={
        **{word: n for n, word in enumerate(_UNITS, 1)},
        "seorang": 1,
        "sepuluh": 10,
        "sebelas": 11,
        "seratus": 100,
        "seribu": 1000,
        "sejuta": 1_000_000,
    },
    multipliers={"puluh": 10, "ratus": 100, "ribu": 1000, "juta": 1_000_000},
    teen_word="belas",
    vague_amounts={
        r"puluhan\s+ribu": 10_000,
        r"ratusan\s+ribu": 100_000,
        r"beberapa\s+puluh": 12,
        r"beberapa\s+ratus": 100,
        r"beberapa\s+ribu": 1000,
        r"beberapa": 3,
        r"sejumlah": 3,
        r"belasan": 11,
        r"puluhan": 12,
        r"ratusan": 100,
        r"ribuan": 1000,
        r"jutaan": 1_000_000,
    },
    conjunctions=word_set("dan serta"),
    measures=word_set("km kilometer persen tahun jam menit dolar miliar"),
)

CASUALTIES = CasualtyWords(
    killed=r"menewaskan|membunuh|tewas|meninggal(?:\s+dunia)?|gugur|terbunuh|korban\s+jiwa"
    r"|korban\s+tewas|kehilangan\s+nyawa",
    injured=r"melukai|mencederai|luka-luka|terluka|luka(?:\s+(?:berat|ringan))?|cedera",
    victims_follow=r"menewaskan|membunuh|melukai|mencederai|korban",
    toll_reaches=r"menjadi|mencapai|hingga",
    according_to=r"\b(?:menurut|seperti\s+dikutip|dikutip\s+dari)\s+",
    said_before_claimant=r"\b(?:kata|ujar|ungkap|tutur|jelas|lapor)\s+",
    said_after_claimant=r"\s(?:mengatakan|menyatakan|menyebut(?:kan)?|melaporkan|mengklaim"
    r"|mengumumkan|menuturkan|mengungkapkan|berbicara\s+tentang)\b",
    phrase_stops=word_set("pada di dalam sejak kepada bahwa telah juga sudah kemudian hari yang"),
    pronouns=word_set("dia ia mereka kami"),
    prepositions=word_set("dari dengan"),
    claimant_glossary=(
        (r"para|pihak(?=\s+(?!berwenang))", ""),
        (r"tajik(?:istan)?", "@Tajik"),
        (r"kirgi[sz]tan|kyrgyzstan|kirgiz|kyrgyz", "@Kyrgyz"),
        (r"kaza[kh]{1,2}stan|kazakh?", "@Kazakh"),
        (r"rusia", "@Russian"),
        (r"uzbek(?:istan)?", "@Uzbek"),
        (r"afg[h]?anistan|afgan", "@Afghan"),
        (r"tiongkok|china", "@Chinese"),
        (r"setempat|lokal", "@local"),
        (r"pejabat", "officials"),
        (r"pihak\s+berwenang|otoritas", "authorities"),
        (r"pemerintah", "government"),
        (r"(?:dinas|layanan)\s+perbatasan", "border service"),
        (r"(?:penjaga|pasukan)\s+perbatasan", "border guards"),
        (r"kementerian\s+pertahanan", "defence ministry"),
        (r"kementerian\s+dalam\s+negeri", "interior ministry"),
        (r"kementerian\s+kesehatan", "health ministry"),
        (r"kementerian\s+luar\s+negeri", "foreign ministry"),
        (r"(?:saluran|stasiun)?\s*(?:tv|televisi)\s+pemerintah", "state TV"),
        (r"polisi|kepolisian", "police"),
        (r"militer", "military"),
        (r"tentara", "army"),
        (r"juru\s+bicara", "spokesperson"),
        (r"sumber", "sources"),
        (r"media", "media"),
    ),
)

_NATION = (
    r"(?:Kirgistan|Kirgizstan|Kyrgyzstan|Tajikistan|Tadjikistan|Kazakhstan|Kazakstan|Uzbekistan"
    r"|Rusia|Afganistan|Afghanistan|(?-i:AS)|Amerika\s+Serikat|Taliban|CSTO|Tiongkok|China"
    r"|kirgiz|tajik|kazakh|uzbek)"
)
_FORCE = (
    r"(?:pasukan\s+penjaga\s+(?:perbatasan|perdamaian)|penjaga\s+perbatasan|dinas\s+perbatasan"
    r"|layanan\s+perbatasan|aparat\s+(?:perbatasan|keamanan)|pasukan\s+keamanan|pasukan|tentara"
    r"|prajurit|militer|angkatan\s+bersenjata|polisi|otoritas|pemerintah|pejabat"
    r"|pengunjuk\s+rasa|demonstran|perusuh|pejuang|gerilyawan|milisi|kontingen)"
)

EVENTS = EventWords(
    cues=(
        (
            r"bentrok(?:an)?|baku\s+tembak|pertempuran|bertempur|kontak\s+senjata"
            r"|tembak-menembak|saling\s+tembak|perang\s+perbatasan",
            CLASH,
        ),
        (r"serangan\s+(?:udara|drone|pesawat\s+tak\s+berawak)|pengeboman\s+udara", AIR),
        (
            r"(?:serangan|tembakan|gempuran)\s+(?:artileri|mortir|roket)|mortir|peluncur\s+granat"
            r"|artileri|menembakkan\s+(?:[\w-]+\s+){0,3}?(?:roket|artileri|mortir|granat)"
            r"|menggempur",
            SHELLING,
        ),
        (r"ranjau|bom\s+rakitan|ledakan\s+bom|bom\s+meledak", EXPLOSIVE),
        (r"menyerbu|diserbu|menyita|merebut|direbut", MOB),
        (r"kerusuhan|rusuh|ricuh|kericuhan|amuk\s+massa|perusuh", VIOLENT_DEMO),
        (r"diculik|penculikan|menculik", ABDUCTION),
        (
            r"menyerang|diserang|serangan|penyerangan|penggerebekan|menggerebek|digerebek"
            r"|menembak(?:i|\s+mati)?|ditembak(?:i|\s+mati)?|tertembak|membunuh|dibunuh"
            r"|pembunuhan|pembantaian|dianiaya|penganiayaan|main\s+hakim\s+sendiri",
            ATTACK,
        ),
        (
            r"membubarkan\s+(?:massa|demonstran|pengunjuk\s+rasa|aksi)|gas\s+air\s+mata",
            INTERVENTION,
        ),
        (
            r"unjuk\s+rasa|berunjuk\s+rasa|pengunjuk\s+rasa|demonstrasi|demonstran|demo|protes"
            r"|memprotes|aksi\s+massa|turun\s+ke\s+jalan",
            PROTEST,
        ),
        (
            r"jatuh(?=\s+(?:ke\s+tangan|pada\s))"
            r"|(?:mengambil|diambil)\s+alih\s+(?:kendali|kontrol|kota|wilayah|ibu\s+kota)"
            r"|(?:pasukan|pejuang|gerilyawan)\s+(?:[\w-]+\s+)?memasuki",
            TRANSFER,
        ),
        (
            r"mengerahkan\s+(?:[\w-]+\s+){0,3}?(?:pasukan|tentara|prajurit|pejuang\w*|personel"
            r"|kendaraan\s+lapis\s+baja)|dikerahkan|pengerahan|kontingen|ditempatkan"
            r"|(?:mengirim|mengirimkan|dikirim)\s+(?:[\w-]+\s+){0,3}?(?:pasukan|tentara|prajurit)"
            r"|pasukan\s+(?:[\w-]+\s+){0,6}?(?:dikerahkan|dikirim|ditempatkan|tiba|menjaga|berjaga)",
            DEPLOYMENT,
        ),
        (r"ditahan|ditangkap|penangkapan|menangkap|menahan(?!\s+diri)|penahanan", ARRESTS),
        (r"dibakar|membakar|dijarah|menjarah|penjarahan|dirusak|melalap|dilalap", LOOTING),
        (r"(?:memblokade|memblokir|menutup)\s+jalan|blokade", BLOCKADE),
        (
            r"dievakuasi|evakuasi|mengevakuasi|pengungsi|mengungsi|mengungsikan"
            r"|meninggalkan\s+rumah",
            EVACUATION,
        ),
        (
            r"pemadaman(?:\s+listrik)?|listrik\s+padam|padamnya\s+listrik|listrik\s+mati"
            r"|mati\s+listrik|tanpa\s+listrik|listrik\s+(?:[\w-]+\s+){0,3}?(?:terputus|diputus)",
            OUTAGE,
        ),
        (r"mendirikan\s+(?:markas|pangkalan)|membuka\s+pangkalan", BASE),
        (
            r"(?:keadaan|status|masa|situasi)\s+darurat|jam\s+malam|darurat\s+militer"
            r"|operasi\s+(?:anti-?teror|kontra-?terorisme)|mobilisasi",
            CHANGE,
        ),
        (r"menyepakati|bersepakat|sepakat|kesepakatan|menandatangani\s+perjanjian", AGREEMENT),
        (r"latihan\s+(?:militer|gabungan|perang)", OTHER),
    ),
    secondary_markers=r"dalam|selama|akibat|saat|ketika|usai|setelah|pasca|gegara|karena|sejak"
    r"|terkait|menyusul|di\s+tengah|dari|oleh|didakwa|dakwaan|tuduhan|kasus|dugaan",
    generic=r"dalam\s+beberapa\s+(?:tahun|bulan|dekade)\s+terakhir|kerap|sering(?:kali)?"
    r"|berulang\s+kali|beberapa\s+kali|secara\s+(?:rutin|berkala)|sporadis|biasanya"
    r"|serangkaian|sejarah|bertahun-tahun|puluhan\s+tahun"
    r"|(?:dalam|selama)\s+(?:\d+|dua|tiga|beberapa)\s+(?:tahun|dekade)",
    anaphora=(r"", r"(?:\s+pada\s+\w+(?:\s+\([\d/.]+\))?)?\s+(?:ini|itu|tersebut)\b"),
    negations=r"tidak\s+ada|tak\s+ada|belum\s+ada|tanpa|tidak|bukan",
    unrealised=r"berencana|rencana|dijadwalkan|akan|jika|apabila|kalau|seolah-olah|seakan-akan"
    r"|memerintahkan|perintah|mengancam|ancaman|menyerukan|seruan|mendesak",
    demonstrative_opening=r"ini|itu",
    means=r"mortir|peluncur\s+granat|artileri",
    participants=r"pengunjuk\s+rasa|demonstran|perusuh",
    determiners=r"para",
    actors=(
        rf"{_FORCE}\s+(?:dari\s+)?{_NATION}",
        r"(?:pasukan|kontingen)\s+penjaga\s+perdamaian|pengunjuk\s+rasa|demonstran|perusuh"
        r"|polisi",
        r"Organisasi\s+Perjanjian\s+Keamanan\s+Kolektif|Taliban|CSTO|NATO|ISIS(?:-K)?",
    ),
    organisations=r"\b(?:Dinas|Kementerian|Angkatan|Badan|Komite|Dewan)(?:\s+[A-Z][\w-]*)+",
    territory=r"kota|desa|kampung|distrik|kabupaten|kecamatan|provinsi|wilayah|daerah|kawasan|pos|markas|kendali|kontrol",
    parties=(
        (
            r"polisi|aparat(?:\s+keamanan)?|tentara|prajurit|militer|TNI|Polri|Brimob"
            r"|pasukan(?:\s+(?:keamanan|perbatasan|penjaga\s+perbatasan|pemerintah|khusus))?"
            r"|penjaga\s+perbatasan|dinas\s+perbatasan|angkatan\s+bersenjata|junta"
            r"|personel|aparat\s+gabungan",
            "state",
        ),
        (
            r"pemberontak|militan|teroris|gerilyawan|Taliban|KKB|separatis|pejuang|ISIS"
            r"|Hamas|kelompok\s+(?:teroris|militan|separatis)",
            "rebel",
        ),
        (
            r"milisi|kelompok\s+bersenjata|orang\s+bersenjata|pria\s+bersenjata|penembak"
            r"|penyerang|orang\s+tak\s+dikenal|OTK|paramiliter",
            "militia",
        ),
        (
            r"pasukan\s+penjaga\s+perdamaian|CSTO|pasukan\s+(?:koalisi|asing)"
            r"|(?:pasukan\s+)?terjun\s+payung",
            "external",
        ),
        (r"perusuh|massa|penjarah|gerombolan", "rioters"),
        (r"pengunjuk\s+rasa|demonstran|mahasiswa|aktivis|buruh|pendemo", "protesters"),
        (
            r"warga(?!\s+sipil)|penduduk|masyarakat|petani|suku|etnis\s+\w+|kelompok\s+warga",
            "residents",
        ),
        (
            r"warga\s+sipil|(?:orang\s+)?sipil|anak-anak|perempuan|wartawan|jurnalis|pengungsi"
            r"|jemaah|penumpang",
            "civilians",
        ),
    ),
    passive_prefixes=("di", "ter"),
    agent=r"oleh",
)

INCIDENT_PLACES = IncidentPlaceWords(
    locative=r"di|ke|menuju|wilayah|sekitar",
    destination=r"ke|menuju",
    origin=r"dari",
    agent=r"oleh|dipimpin|pimpinan|menurut",
    speaker=r"mengatakan|menyatakan|menyerukan|menuding|membantah|mengklaim|menuduh|mendesak"
    r"|berencana|juga|meminta|saling",
    nationwide=r"di\s+seluruh\s+negeri|seluruh\s+negeri",
    list_link=r"dan|serta",
)

FURNITURE = FurnitureCues(
    labels=(
        ("teaser", "baca juga"),
        ("teaser", "baca pula"),
        ("teaser", "simak juga"),
        ("teaser", "lihat juga"),
        ("teaser", "saksikan juga"),
        ("teaser", "tonton juga"),
        ("byline", "penulis"),
        ("byline", "editor"),
        ("byline", "reporter"),
        ("byline", "pewarta"),
        ("byline", "redaktur"),
        ("byline", "penyunting"),
        ("byline", "kontributor"),
        ("byline", "wartawan"),
        ("byline", "oleh"),
        ("byline", "sumber"),
        ("subscription", "berlangganan"),
        ("copyright", "hak cipta"),
        ("photo_credit", "foto"),
        ("photo_credit", "foto ilustrasi"),
        ("photo_credit", "kredit"),
        ("photo_credit", "kredit foto"),
        ("photo_credit", "sumber foto"),
        ("photo_credit", "sumber gambar"),
        ("photo_credit", "gambar"),
        ("photo_credit", "ilustrasi"),
        ("related", "artikel terkait"),
        ("related", "berita terkait"),
        ("related", "berita lainnya"),
        ("related", "berita terkini"),
        ("related", "berita populer"),
        ("related", "terpopuler"),
        ("related", "rekomendasi"),
        ("related", "baca selengkapnya"),
        ("related", "selengkapnya"),
        ("share", "bagikan"),
        ("share", "komentar"),
        ("share", "tulis komentar"),
    ),
    phrases=(
        ("byline", r"laporan wartawan"),
        ("subscription", r"dapatkan (?:update|informasi|berita|notifikasi)"),
        ("subscription", r"ikuti (?:berita|update|saluran|kanal|channel|akun)"),
        ("subscription", r"simak breaking news"),
        (
            "subscription",
            r"(?:ber)?gabung(?:lah)? (?:di|ke|dengan) "
            r"(?:grup|kanal|saluran|channel|telegram|whatsapp)",
        ),
        ("subscription", r"menikmati artikel ini\?"),
        ("subscription", r"klik (?:di )?sini untuk berlangganan"),
        ("copyright", r"hak cipta (?:©|\(c\)|\d{4}|dilindungi)"),
        ("related", r"berita lain(?:nya)? (?:terkait|tentang|seputar)"),
        ("related", r"artikel lain(?:nya)? (?:terkait|tentang|seputar)"),
        ("share", r"ikuti kami di"),
        ("share", r"bagikan (?:artikel|berita) ini"),
        ("share", r"(?:tulis|beri|berikan) komentar"),
    ),
    inline_credits=("foto", "kredit", "gambar", "ilustrasi"),
)

COLUMNS = ColumnNames(
    roles={
        "lat": ("lintang",),
        "lon": ("bujur",),
        "place": ("lokasi", "tempat", "desa", "kampung"),
        "date": ("tanggal",),
        "type": ("jenis", "kategori"),
        "fatalities": ("tewas", "meninggal"),
        "injuries": ("luka", "luka-luka"),
        "description": ("keterangan", "deskripsi"),
        "url": ("sumber",),
        "country": ("negara",),
        "admin1": ("provinsi",),
        "admin2": ("kabupaten",),
    },
    qualifiers=word_set("ind indonesian"),
    type_words={
        "Air/drone strike": "serangan udara|pesawat nirawak",
        "Shelling/artillery/missile attack": "mortir|artileri",
        "Grenade": "granat",
        "Remote explosive/landmine/IED": r"ledakan|bom(?!\w)",
        "Armed clash": "bentrok|baku tembak|pertempuran|kontak senjata",
        "Violent demonstration": "kerusuhan|rusuh",
        "Mob violence": "main hakim sendiri",
        "Peaceful protest": r"unjuk rasa|demo(?!\w)|aksi massa",
        "Abduction/forced disappearance": "penculikan|diculik",
        "Attack": "pembunuhan|penganiayaan",
        "Looting/property destruction": "penjarahan|pembakaran",
        "Arrests": "penangkapan|ditangkap",
        "Agreement": "gencatan senjata|kesepakatan",
        "Change to group/activity": "pengerahan|jam malam",
    },
)

PACK = LanguagePack(
    code="id",
    name="Indonesian",
    place_names=PLACE_NAMES,
    dates=DATES,
    numbers=NUMBERS,
    casualties=CASUALTIES,
    events=EVENTS,
    incident_places=INCIDENT_PLACES,
    abbreviations=word_set(
        """dll dsb dst tsb yth no hlm tgl jl kab kec prov sdr bpk dr drs ir prof h hj st km
        mis a.n u.p s.d kol letjen mayjen brigjen jend pol"""
    ),
    furniture=FURNITURE,
    columns=COLUMNS,
    word_frequencies="id",
    dateparser="id",
)
