"""Hand-kept word lists that the recogniser reasons with.

These are facts about English and about the world's institutions, not about any
particular article: honorifics and roles that precede a person's name, the head
words that make a capitalised phrase an organisation or a place, demonyms, and
the function words that are capitalised only because a sentence starts with them.
"""

from __future__ import annotations

from reader.analysis.text import words

# Honorifics: short forms, with or without a full stop.
HONORIFICS = frozenset(
    "Mr Mrs Ms Miss Mx Dr Prof Sir Dame Lord Lady Rev Revd Fr Sr Jr Gen Col Lt Sgt Capt Cpt Adm Maj Cmdr "
    "Sen Rep Gov Pres Insp Det Hon Rt St Mme Mlle Herr Frau Sheikh Sheik Imam Rabbi Ayatollah Mullah "
    "Pope Cardinal Bishop Archbishop Father Sister Brother King Queen Prince Princess Emperor Empress "
    "Sultan Emir Crown Count Baron Duke Duchess Marshal Field Brig".split()
)
# Role words that may stand before a name, alone or combined ("Foreign Minister", "Vice President").
ROLE_WORDS = frozenset(
    "President Vice Prime Premier Minister Ministers Secretary Chancellor Ambassador Envoy Governor "
    "Mayor Senator Congressman Congresswoman Representative Speaker Chairman Chairwoman Chair Chief "
    "Executive Director Deputy Spokesman Spokeswoman Spokesperson Leader Commander General Colonel "
    "Lieutenant Captain Admiral Sergeant Major Private Corporal Officer Inspector Detective Agent "
    "Professor Doctor Judge Justice Attorney Prosecutor Coach Manager Chef Head Foreign Defence Defense "
    "Finance Interior Trade Justice Health Education Energy Economy Economic Home State Assistant "
    "Acting Former Supreme First Lady General Secretary-General Vice-President Vice-Premier Deputy-Director "
    "Counsellor Counselor Adviser Advisor Aide Councillor Councilman Councilwoman Premier Treasurer "
    "Auditor Comptroller Superintendent Commissioner Chancellor Provost Dean Rector Sheriff Marshal "
    "Emir King Queen Prince Princess Pope Archbishop Bishop Cardinal Reverend Pastor Founder Co-founder "
    "CEO CFO COO Chairperson Presidential Ministerial Military Army Navy Air Security National Party "
    "VP Opposition Labour Labor Conservative Republican Democratic Democrat Liberal Socialist Communist "
    "Senior Top Lead Principal Editor Correspondent Reporter Analyst Researcher Fellow".split()
) | frozenset(
    # A player's position stands before the name in sports copy: "Defender Ann Lee".
    "Defender Midfielder Striker Goalkeeper Goalie Winger Fullback Quarterback Pitcher Batsman Skipper".split()
)
# Roles whose presence at the end of a title run marks the next name as a person.
PERSON_ROLES = frozenset(
    "President Premier Minister Secretary Chancellor Ambassador Envoy Governor Mayor Senator Congressman "
    "Congresswoman Representative Speaker Chairman Chairwoman Chair Executive Director Spokesman "
    "Spokeswoman Spokesperson Leader Commander General Colonel Lieutenant Captain Admiral Sergeant Major "
    "Corporal Officer Inspector Detective Agent Professor Doctor Judge Justice Attorney Prosecutor Coach "
    "Manager Counsellor Counselor Adviser Advisor Aide Councillor Councilman Councilwoman Treasurer "
    "Commissioner Provost Dean Rector Sheriff Marshal Pastor Reverend Founder Co-founder CEO CFO COO "
    "Chairperson Editor Correspondent Reporter Analyst Researcher Fellow Secretary-General Vice-President "
    "Vice-Premier Deputy Lady Chief Lieutenant-General Major-General Brigadier-General Brigadier Vice-Admiral "
    "Rear-Admiral Lieutenant-Colonel VP Defender Midfielder Striker Goalkeeper Goalie Winger Fullback "
    "Quarterback Pitcher Batsman Skipper".split()
) | HONORIFICS
# Lower-case role nouns: "the Russian leader", "the foreign minister".
ROLE_NOUNS = frozenset(
    "president premier minister secretary chancellor ambassador envoy governor mayor senator leader "
    "spokesman spokeswoman spokesperson chairman chairwoman chief commander general king queen prince "
    "emperor pope official officials diplomat diplomats adviser advisor aide lawmaker lawmakers "
    "counterpart counterparts head director judge prosecutor"
    .split()
)

# Last words that make a capitalised phrase an organisation.
ORG_HEADS = frozenset(
    "Organisation Organization Organisations Organizations University College Academy Institute Institution "
    "School Council Corporation Corp Corp. Inc Inc. Ltd Ltd. LLC Plc PLC plc Co Co. Company Companies Group "
    "Agency Ministry Department Committee Commission Party Bank Association Union Federation League Army "
    "Navy Forces Force Guard Guards Court Parliament Congress Senate Assembly Times Post News Journal Herald "
    "Tribune Gazette Telegraph Guardian Observer Independent Review Press Service Services Foundation Fund "
    "Trust Airlines Airways Motors Club Society Authority Office Bureau Board Police Forum Alliance "
    "Coalition Movement Front Brigade Brigades Network Television Radio TV Channel Exchange Reserve "
    "Administration Cabinet Government Embassy Consulate Hospital Clinic Centre Center Laboratories Labs "
    "Technologies Technology Systems Holdings Images Partners Securities Entertainment Media Records Studios "
    "Pictures Foods Energy Petroleum Pharmaceuticals Nations Industries International Incorporated "
    "Institutes Council Councils Tribunal Secretariat Directorate Commissions Committees Caucus Cartel "
    "Mission Corps Command Division Regiment Battalion Squadron Fleet Agencies Bloc "
    "Cooperation Bancorp Insurance Investments Team United FC Rovers "
    "Wanderers Athletic Festival Summit Conference Initiative Programme Program Project Daily Weekly Magazine "
    "Monthly Quarterly Broadcasting Communications Telecom Airlines Railways Railway Rail Church Mosque "
    "Synagogue Brotherhood Jihad Watch Cross Crescent AG SA S.A. NV N.V. GmbH Bhd Pty Limited Ltd. LP".split()
)
# Last and first words of events, laws, storms and the like: CoNLL's MISC, which we do not emit.
MISC_HEADS = frozenset(
    "War Wars Open Protocol Act Bill Syndrome Show Cup Championship Championships Olympics Games Prize "
    "Award Awards Day Era Revolution Treaty Accord Accords Agreement Convention Declaration Doctrine "
    "Plan Charter Constitution Amendment Trophy Tournament Marathon Grand Prix Series Classic Crisis "
    "Massacre Uprising Spring Index Prize Medal Age Ages Period".split()
)
MISC_FIRST = frozenset("Operation Hurricane Hurricanes Typhoon Cyclone Storm Tropical Super Bowl".split())
# Lower-case words after a name that tell its type: "Kunar province", "Interfax news agency".
PLACE_NOUNS_AFTER = frozenset(
    "province state region district city town village county valley river area border capital mountains "
    "island islands coast prefecture municipality neighborhood neighbourhood suburb port airport camp".split()
)
ORG_NOUNS_AFTER = frozenset(
    "party group agency company firm organization organisation movement militia militias militants "
    "network newspaper daily channel television radio bank corporation network rebels government "
    "administration officials spokesman spokeswoman chief executives shareholders board".split()
)
PLACE_NOUNS_BEFORE = frozenset(
    "town city village province region district capital suburbs outskirts state county island port "
    "north south east west northeast northwest southeast southwest".split()
)
# First words that make an "X of Y" phrase an organisation.
ORG_OF_HEADS = frozenset(
    "Houses University Bank Ministry Department Council Court Academy Institute Board Bureau Office Chamber "
    "Federation Union League Association Organisation Organization Commission Committee Church House "
    "College School Society Order Party Government Parliament Assembly Congress Conference Federal "
    "Federal".split()
)
# Last words that make a capitalised phrase a place (landmarks included).
PLACE_HEADS = frozenset(
    "River Rivers Mountains Mountain Mount Mt Lake Lakes Sea Ocean Island Islands Isles Province Region "
    "Valley Strait Straits Gulf Bay Peninsula Desert Square Street St Avenue Ave Road Boulevard Lane "
    "Airport Bridge Palace Hall Park Stadium Arena Canal County District Prefecture City Town Village "
    "Republic Kingdom Emirates Coast Highlands Plateau Basin Delta Heights Hills Strip Bank Territory "
    "Territories Oblast Krai Cathedral Tower Towers Temple Castle Gate Wall Falls Canyon "
    "Forest Glacier Harbour Harbor Port Beach Reef Pass Plain Plains Steppe Coastline Corridor "
    "Borough Quarter Mosque Monastery Abbey Building Centre Memorial Monument Museum Prison Camp Base "
    "Airbase Zone Enclave Empire Hotel Resort Mall Market Crossing Checkpoint Refinery Mine Dam".split()
)
# First words of place names ("Mount Everest", "Gulf of Mexico", "Republic of Korea").
PLACE_FIRST = frozenset(
    "Mount Mt Lake Cape Fort Port Gulf Bay Isle Isles Sea Strait Straits Republic Kingdom Province "
    "Sultanate Emirate Principality Commonwealth Saint San "
    "Santa Sao Los Las Rio Al El New North South East West Northern Southern Eastern Western Upper "
    "Lower Greater Central Inner Outer Grand".split()
)

# Connectors allowed inside a name: "Bank of England", "Leonardo da Vinci", "Osama bin Laden".
NAME_CONNECTORS = frozenset("of of the for de del della da di du des la le van von der den ten zu bin ibn al el y".split())

# Capitalised words that are not names on their own: the shared function words, and the
# adverbs, reporting verbs and discourse words that open sentences in news.
FUNCTION_WORDS = words.FUNCTION_WORDS | frozenset(
    """a an the this that these those there here it its it's he him his she her hers we us our they them their
    i i'm i've i'd i'll you your yours my me mine who whom whose which what when where why how whoever
    and or but nor so yet for if then than though although because since unless until while whereas
    as at by in on of to from with without within into onto upon about above across after against along
    among around before behind below beneath beside besides between beyond during except inside near
    off out outside over past through throughout toward towards under underneath unlike up via
    all any both each either every few many more most much neither no none one other others several
    some such not only also even just still already again ever never always often sometimes perhaps
    maybe yes well now today tomorrow yesterday tonight meanwhile however moreover furthermore therefore
    thus hence instead indeed otherwise nonetheless nevertheless likewise similarly finally first second
    third next last later earlier recently currently previously once twice do does did done be is are was
    were been being have has had having will would shall should can could may might must let lets let's
    according asked said says told added noted despite amid amidst following regarding including given
    according like unlike per plus minus whether whatever wherever whenever whichever everyone everybody
    everything someone somebody something anyone anybody anything nobody nothing no-one
    myself yourself himself herself itself ourselves themselves yourselves another same own
    madam ladies gentlemen please thank thanks hello dear oh ah
    """.split()
)
# Initialisms of common nouns, not of any body: "a DVD", "the IPO", "ASAP", "LOL".
COMMON_INITIALISMS = frozenset(
    """DVD DVDs CD CDs VHS PC PCs TV TVs IPO API APIs SEO GPS ATM ATMs SUV SUVs PDF URL URLs FAQ FAQs SMS MMS
    USB HD HDTV LCD LED DIY AKA ID IDs IQ MBA PhD BSc MSc MD RN CPR ICU ER OCD ADHD PTSD DUI DWI RSVP
    ASAP FYI BTW LOL LMAO ROFL OMG IMO IMHO TBA TBD PS PPS NB HR PR IT QA R&D VAT GST MPH RPM CPU GPU RAM ROM
    OS iOS AI VR AR HVAC AC A/C SIM ISP VPN WiFi Wi-Fi HTML HTTP PIN PINs SSN ZIP ETF ETFs ROI IRR P&L Q&A
    VIP VIPs MVP DJ MC BBQ""".split()
)
# Capitalised mid-sentence yet not PERSON/ORG/PLACE: calendar words and the like.
NOT_NAMES = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Mon Tue Tues Wed Thu Thurs Fri Sat Sun Christmas Easter Ramadan Eid Hanukkah Thanksgiving
    AM PM GMT UTC BST EST EDT PST PDT CET AD BC BCE CE I OK TV DNA HIV AIDS COVID-19 COVID Covid GDP
    Internet Web God Allah Lord Jesus Christ Bible Koran Quran Islam Christianity Muslim Muslims Christian
    Christians Jewish Jews Jew Catholic Catholics Protestant Sunni Shia Shiite Shiites Sunnis Hindu Buddhist
    English French Spanish German Arabic Mandarin Latin Celsius Fahrenheit Mayday Web Covid-19
    Sharia Prophet Koranic Quranic Biblical Creole Swahili Urdu Hindi Farsi Pashto Dari Bengali Punjabi
    Cantonese Hebrew Yiddish Esperanto
    One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Twenty Thirty Forty Fifty Hundred
    East West North South Northeast Northwest Southeast Southwest Hundreds Thousand Thousands Million Millions
    Billion Billions Dozens Scores
    Islamic Islamist Islamists Republican Republicans Democrat Democrats Maoist Maoists Shi'ite Shi'ites
    Shi'i Marxist Marxists Communist Communists Socialist Socialists Conservative Conservatives Liberal
    Liberals Olympic Olympics Nazi Nazis Zionist Jihadist Jihadists Salafist Western Westerners Orthodox Evangelical
    """.split()
) | COMMON_INITIALISMS
# Words of praise and the like that open a capitalised phrase in reviews and adverts ("Great Service",
# "Best Pizzas", "Total Privacy") but never a person's name.
NOT_NAME_OPENERS = frozenset(
    """Great Greatest Best Better Good Bad Worst Poor Pure Total Totally Wrong Right Favorite Favourite Very Too
    Excellent Amazing Awesome Wonderful Fantastic Terrible Horrible Nice Cheap Cheapest Free Quick Fast Friendly
    Efficient Highly Super Perfect Delicious Tasty Fresh Lovely Beautiful Fabulous Outstanding Superb Brilliant
    Top Annual Monthly Weekly Daily Special Specialized Specialised Premium Deluxe Hidden Favorite Favourite
    Master Prime Combo Personal Professional Affordable Reliable Honest""".split()
)
# Acronyms that stand for places, not organisations.
PLACE_ACRONYMS = frozenset("US U.S. USA U.S.A. UK U.K. UAE U.A.E. USSR DPRK DRC PRC ROK D.C. DC".split())

# Common alternative names of the same place or body: variant -> canonical name.
CANONICAL = {
    "US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
    "America": "United States", "United States of America": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom", "UN": "United Nations", "U.N.": "United Nations",
    "EU": "European Union", "E.U.": "European Union", "UAE": "United Arab Emirates",
    "U.A.E.": "United Arab Emirates", "USSR": "Soviet Union", "DPRK": "North Korea",
    "PRC": "China", "People's Republic of China": "China", "Russian Federation": "Russia",
    "Republic of Korea": "South Korea", "ROK": "South Korea", "DRC": "Democratic Republic of the Congo",
    "Holland": "Netherlands", "the Netherlands": "Netherlands", "Viet Nam": "Vietnam",
    "Burma": "Myanmar", "Czechia": "Czech Republic", "Persia": "Iran", "Türkiye": "Turkey",
}
# Well-known regions that ISO and city lists leave out.
REGIONS = frozenset(
    """Africa Antarctica Arctic Asia Europe Oceania Americas Eurasia Balkans Caucasus Crimea Darfur Donbas
    Donbass Kashmir Tibet Siberia Sahara Sahel Kurdistan Scandinavia Patagonia Amazon Andes Himalayas Alps
    Mesopotamia Levant Maghreb Gaza Chechnya Dagestan Ossetia Abkhazia Transnistria Kosovo Palestine
    Taiwan Xinjiang Catalonia Flanders Wallonia Bavaria Lapland Anatolia Kurdistan Punjab Bengal
    Baluchistan Balochistan Waziristan Sinai Negev Galilee Golan Ruhr Riviera Provence Tuscany
    Normandy Brittany Silicon Manchuria Mongolia Borneo Sumatra Java Tasmania Hawaii Alaska Greenland
    Midwest Earth Mercury Venus Mars Jupiter Saturn Uranus Neptune Pluto""".split()
) | frozenset(
    [
        "Middle East", "Far East", "Near East", "West Bank", "Gaza Strip", "Golan Heights", "Horn of Africa",
        "Latin America", "South America", "North America", "Central America", "Central Asia",
        "Southeast Asia", "South Asia", "East Asia", "Western Europe", "Eastern Europe", "Central Europe",
        "Sub-Saharan Africa", "North Africa", "West Africa", "East Africa", "Southern Africa",
        "Persian Gulf", "Arabian Peninsula", "Korean Peninsula", "South China Sea", "East China Sea",
        "Black Sea", "Caspian Sea", "Baltic Sea", "Red Sea", "Mediterranean", "Mediterranean Sea",
        "Atlantic", "Pacific", "Indian Ocean", "Arctic Ocean", "Strait of Hormuz", "Taiwan Strait",
        "Suez Canal", "Panama Canal", "Silicon Valley", "Wall Street", "Downing Street", "White House",
        "Capitol Hill", "Red Square", "Tiananmen Square", "Asia-Pacific", "Indo-Pacific", "Hong Kong",
        "Kremlin", "Pentagon", "Vatican", "Baltics", "Gulf", "Nordic",
    ]
)
# Bodies named by one common word, capitalised: "members of Congress", "the Senate voted".
SINGLE_WORD_ORGS = frozenset(
    "Congress Senate Parliament Cabinet Knesset Duma Bundestag Politburo Interpol Europol Bundesbank".split()
)
# Words before a lone name that make it an organisation: "the militant group Hamas".
ORG_NOUNS_BEFORE = frozenset("group movement party faction militia organization organisation company firm".split())
# Seats of power that news uses for the institution ("the Kremlin said"): typed ORG, as most taggers do.
INSTITUTION_PLACES = frozenset(["Kremlin", "Pentagon", "White House", "Elysee", "Élysée", "Whitehall"])

# Demonym -> country, for "the Russian leader" and for typing "China-Russia"-style compounds.
DEMONYMS = {
    "Afghan": "Afghanistan", "Albanian": "Albania", "Algerian": "Algeria", "American": "United States",
    "Angolan": "Angola", "Argentine": "Argentina", "Argentinian": "Argentina", "Armenian": "Armenia",
    "Australian": "Australia", "Austrian": "Austria", "Azerbaijani": "Azerbaijan", "Bahraini": "Bahrain",
    "Bangladeshi": "Bangladesh", "Belarusian": "Belarus", "Belgian": "Belgium", "Bolivian": "Bolivia",
    "Bosnian": "Bosnia and Herzegovina", "Brazilian": "Brazil", "British": "United Kingdom",
    "Bulgarian": "Bulgaria", "Burmese": "Myanmar", "Cambodian": "Cambodia", "Cameroonian": "Cameroon",
    "Canadian": "Canada", "Chadian": "Chad", "Chilean": "Chile", "Chinese": "China", "Colombian": "Colombia",
    "Congolese": "Congo", "Croatian": "Croatia", "Cuban": "Cuba", "Cypriot": "Cyprus", "Czech": "Czech Republic",
    "Danish": "Denmark", "Dutch": "Netherlands", "Ecuadorian": "Ecuador", "Egyptian": "Egypt",
    "Emirati": "United Arab Emirates", "English": "England", "Eritrean": "Eritrea", "Estonian": "Estonia",
    "Ethiopian": "Ethiopia", "European": "Europe", "Filipino": "Philippines", "Finnish": "Finland",
    "French": "France", "Georgian": "Georgia", "German": "Germany", "Ghanaian": "Ghana", "Greek": "Greece",
    "Guatemalan": "Guatemala", "Haitian": "Haiti", "Honduran": "Honduras", "Hungarian": "Hungary",
    "Icelandic": "Iceland", "Indian": "India", "Indonesian": "Indonesia", "Iranian": "Iran", "Iraqi": "Iraq",
    "Irish": "Ireland", "Israeli": "Israel", "Italian": "Italy", "Ivorian": "Ivory Coast",
    "Jamaican": "Jamaica", "Japanese": "Japan", "Jordanian": "Jordan", "Kazakh": "Kazakhstan",
    "Kenyan": "Kenya", "Korean": "Korea", "Kosovar": "Kosovo", "Kuwaiti": "Kuwait", "Kyrgyz": "Kyrgyzstan",
    "Lao": "Laos", "Laotian": "Laos", "Latvian": "Latvia", "Lebanese": "Lebanon", "Liberian": "Liberia",
    "Libyan": "Libya", "Lithuanian": "Lithuania", "Malaysian": "Malaysia", "Malian": "Mali",
    "Maltese": "Malta", "Macedonian": "North Macedonia", "Mexican": "Mexico", "Moldovan": "Moldova", "Mongolian": "Mongolia",
    "Montenegrin": "Montenegro", "Moroccan": "Morocco", "Mozambican": "Mozambique", "Namibian": "Namibia",
    "Nepali": "Nepal", "Nepalese": "Nepal", "Nicaraguan": "Nicaragua", "Nigerian": "Nigeria",
    "Nigerien": "Niger", "Norwegian": "Norway", "Omani": "Oman", "Pakistani": "Pakistan",
    "Palestinian": "Palestine", "Panamanian": "Panama", "Paraguayan": "Paraguay", "Peruvian": "Peru",
    "Polish": "Poland", "Portuguese": "Portugal", "Qatari": "Qatar", "Romanian": "Romania",
    "Russian": "Russia", "Rwandan": "Rwanda", "Saudi": "Saudi Arabia", "Scottish": "Scotland",
    "Senegalese": "Senegal", "Serbian": "Serbia", "Singaporean": "Singapore", "Slovak": "Slovakia",
    "Slovenian": "Slovenia", "Somali": "Somalia", "Spanish": "Spain", "Sri Lankan": "Sri Lanka",
    "Sudanese": "Sudan", "Swedish": "Sweden", "Swiss": "Switzerland", "Syrian": "Syria",
    "Taiwanese": "Taiwan", "Tajik": "Tajikistan", "Tanzanian": "Tanzania", "Thai": "Thailand",
    "Tibetan": "Tibet", "Tunisian": "Tunisia", "Turkish": "Turkey", "Turkmen": "Turkmenistan",
    "Ugandan": "Uganda", "Ukrainian": "Ukraine", "Uruguayan": "Uruguay", "Uzbek": "Uzbekistan",
    "Venezuelan": "Venezuela", "Vietnamese": "Vietnam", "Welsh": "Wales", "Yemeni": "Yemen",
    "Zambian": "Zambia", "Zimbabwean": "Zimbabwe", "Soviet": "Soviet Union", "Western": "West",
    "Arab": "Arab world", "Asian": "Asia", "African": "Africa", "Latin": "Latin America",
    "Persian": "Iran", "Kurdish": "Kurdistan", "Chechen": "Chechnya", "Basque": "Basque Country",
    "Catalan": "Catalonia", "Flemish": "Flanders", "Sino": "China", "Anglo": "England",
    "Americans": "United States", "Russians": "Russia", "Israelis": "Israel", "Palestinians": "Palestine",
    "Iraqis": "Iraq", "Afghans": "Afghanistan", "Pakistanis": "Pakistan", "Iranians": "Iran",
    "Ukrainians": "Ukraine", "Europeans": "Europe", "Africans": "Africa", "Arabs": "Arab world",
    "Kurds": "Kurdistan", "Syrians": "Syria", "Egyptians": "Egypt", "Germans": "Germany",
    "Canadians": "Canada", "Australians": "Australia", "Indians": "India", "Mexicans": "Mexico",
    "Koreans": "Korea", "Somalis": "Somalia", "Turks": "Turkey", "Saudis": "Saudi Arabia",
    "Lankan": "Sri Lanka", "Zealander": "New Zealand", "Zealanders": "New Zealand",
    "Serb": "Serbia", "Serbs": "Serbia", "Croat": "Croatia", "Croats": "Croatia", "Bosnians": "Bosnia and Herzegovina",
    "Spaniards": "Spain", "Icelanders": "Iceland", "Britons": "United Kingdom", "Scots": "Scotland",
    "Poles": "Poland", "Danes": "Denmark", "Swedes": "Sweden", "Finns": "Finland", "Filipinos": "Philippines",
    "Thais": "Thailand", "Chinese-American": "United States", "Yemenis": "Yemen", "Libyans": "Libya",
    "Nigerians": "Nigeria", "Kenyans": "Kenya", "Ethiopians": "Ethiopia",
    "Swede": "Sweden", "Dane": "Denmark", "Briton": "United Kingdom", "Brit": "United Kingdom", "Spaniard": "Spain",
    "Turk": "Turkey", "Icelander": "Iceland", "Dutchman": "Netherlands", "Frenchman": "France",
    "Englishman": "England", "Irishman": "Ireland", "Welshman": "Wales", "Kiwi": "New Zealand",
    "Somalians": "Somalia", "Ugandans": "Uganda", "Zimbabweans": "Zimbabwe",
    "Jordanians": "Jordan", "Turkmens": "Turkmenistan", "Uzbeks": "Uzbekistan", "Kazakhs": "Kazakhstan",
    "Tajiks": "Tajikistan", "Pashtun": "Afghanistan", "Pashtuns": "Afghanistan", "Uighur": "Xinjiang",
    "Uighurs": "Xinjiang", "Uyghur": "Xinjiang", "Uyghurs": "Xinjiang", "Tamil": "Sri Lanka", "Tamils": "Sri Lanka",
    "Sinhalese": "Sri Lanka", "Hutu": "Rwanda", "Tutsi": "Rwanda", "Hutus": "Rwanda", "Tutsis": "Rwanda",
}
