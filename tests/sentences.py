"""Sentences the rule tests run on; their parses are frozen in fixtures/parses.json."""

SENTENCES = [
    # attacks
    "Russian forces shelled the city of Kharkiv on Monday.",
    "The hospital was hit by Israeli missiles.",
    "Ukrainian drones struck an oil refinery in southern Russia overnight.",
    "Houthi rebels launched an attack on a cargo ship in the Red Sea.",
    "Pakistani forces carried out airstrikes against militant hideouts in Afghanistan.",
    "Israel's bombardment of Gaza continued for a third day.",
    "Gunmen attacked a police station in northern Nigeria.",
    "Kyiv targeted an air base in Crimea with drones.",
    "Hamas denied that it had attacked the convoy.",
    "Iran threatened to strike U.S. bases in the region.",
    "If talks fail, Russia could attack again.",
    "Apple launched a new phone on Tuesday.",
    "Shares of the company were hit by the news.",
    "The war has displaced millions of people.",
    "Tensions escalated between the two countries.",
    # talks
    "Leaders of France and Germany will meet in Paris next week.",
    "Germany did not attend the summit in Brussels.",
    "Qatar hosted talks between Israel and Hamas in Doha.",
    "Delegations from Armenia and Azerbaijan held negotiations in Washington on Friday.",
    "China and India are due to hold talks next month.",
    "The president met with his Turkish counterpart in Ankara.",
    # offices
    "Microsoft chief executive Satya Nadella said the company would invest more.",
    "Annalena Baerbock, Germany's foreign minister, arrived in Kyiv.",
    "Germany's chancellor, Olaf Scholz, spoke to reporters.",
    "French President Emmanuel Macron called for a ceasefire.",
    "Former Prime Minister Boris Johnson criticised the plan.",
    # statements
    "Moscow said the strikes were a response to Ukrainian attacks.",
    "According to the Pentagon, the missiles were intercepted.",
]
SENTENCES += [
    # anaphora for actors
    "Al-Shabaab fighters attacked a military base near Mogadishu. The group said it would strike again.",
    "Hezbollah said they fired rockets at an army post.",
]
SENTENCES += [
    # talks: scene of a meeting, called off, persons in apposition
    "Turkey's President Recep Tayyip Erdogan greets Saudi Arabia's Foreign Minister Adel al-Jubeir before a meeting in Ankara.",
    "A planned summit between the leaders of Congo and Rwanda was called off on Sunday.",
    "Cambodia's prime minister, Hun Manet, and Thailand's acting prime minister, Phumtham Wechayachai, met in Malaysia on Monday.",
    # offices: rank before the name; unknown organisation before the title; name of country
    "Mali's defence minister, General Sadio Camara, visited wounded soldiers.",
    "Maersk chief executive Vincent Clerc said shipping would be rerouted.",
    "Foreign Minister Ararat Mirzoyan of Armenia arrived on Friday.",
]
SENTENCES += [
    # attacks: the attack noun that hits is the event; "opened fire on"; "strikes from X"
    "A Russian airstrike hit a hospital in Idlib on Tuesday.",
    "Soldiers opened fire on protesters in the capital.",
    "The town was pounded by airstrikes from Russian warplanes.",
    # talks: "their meeting", greeting, talking in person, other senses of "meet" and "round"
    "Kenyan President William Ruto shook hands with Somalia's President Hassan Sheikh Mohamud after their meeting in Nairobi.",
    "Egypt's foreign minister greeted his Qatari counterpart in Cairo on Sunday.",
    "The envoy talked with Hamas leaders in Doha.",
    "The minister talked with Iranian officials by phone.",
    "Iran has met all the conditions of the deal.",
    "The first round of voting ended on Sunday.",
    "UN ambassadors met in New York on Monday.",
]
SENTENCES += [
    # attack verbs as modifiers describe a state or a kind, not an attack; filming is not shooting
    "Aid reached the besieged town on Friday.",
    "The cameraman prepared to shoot video in the district.",
]
SENTENCES += [
    # attacks: projectiles thrown, arson, clashes between two named sides
    "Protesters threw stones at police in the capital.",
    "Rioters set fire to the embassy on Sunday.",
    "Rebels clashed with government troops near the border.",
]
SENTENCES += [
    # attack nouns: where and when from the verb they are the subject of; roles on the noun
    # that counts them; a part of a group as target; the other side of a clash
    "Heavy fighting broke out on Monday in Kherson.",
    "The month saw a series of raids by the militia on farming villages.",
    "There has been a string of bombings by the insurgents on markets.",
    "Gunmen attacked one of the villages near the border.",
    "Students were injured in clashes with riot police in Dhaka.",
    # fighting an armed side is an attack; fighting anything else, or meaning to, is not
    "Government troops fought al-Shabaab militants outside Mogadishu on Friday.",
    "The minister vowed to fight corruption in the ports.",
    "The company fought the ruling in court.",
    "The army needs more recruits to fight the insurgents.",
]
SENTENCES += [
    # "strike" of an impression; battling the weather; a date in a clause further down
    "It strikes me that the ceasefire is fragile.",
    "Firefighters battled strong winds near the coast.",
    "Iran's foreign minister will travel to Doha on Friday for talks with Qatar under a framework that was agreed in 2019.",
]
SENTENCES += [
    # verbal and business senses of attack verbs: what is attacked is an idea, what is hit is trade
    "The Liberal party attacked the budget plan as reckless.",
    "Critics attacked the ministry's handling of the floods.",
    "New export duties hit manufacturers across the region.",
    # a foiled plot; a meeting that is no meeting in particular; a reception, not a meeting
    "Police said they had thwarted a plot by the cell to bomb the central station.",
    "Officials said no date had been set for any meeting between the two leaders.",
    "Any further incursion will be met with a firm response, the general said.",
    # a denial by the attacker's side of an attack told earlier; a denial by someone else
    "Serbian artillery hit a school near the border on Tuesday. Milos Petrovic, Serbia's defence minister, denied that his troops had targeted the school.",
    "Rebel fighters stormed a school near the border on Tuesday. Iran denied involvement in the attack.",
    # the accused is the attacker; an organ of a state acts for the state; ramming a boat
    "Caracas accused Bogota of shelling a border post on Friday.",
    "Colombia's General Staff denied carrying out the strike.",
    "U.S. Central Command said it had carried out a strike on a militant camp.",
    "A Chinese navy ship rammed a Vietnamese fishing boat near the islands.",
    "Lars Nyberg, who heads the Nordic Energy Agency, warned of shortages this winter.",
    "Vincent Clerc, chief executive of Maersk, said ships would avoid the strait.",
    "Siemens's chief executive, Roland Busch, said orders had risen.",
    "Armenia and Azerbaijan held talks in Doha on Monday, with Qatar mediating.",
    # talks: a person set off by commas after a title the parser hung elsewhere; "with X acting as guarantors"
    "The EU envoy for Bosnia, Karl Brenner, met President Ivo Maric in Sarajevo on Friday.",
    "Pedro Alvarez met the EU special envoy for Bosnia, Karl Brenner, in the Bosnian capital on Friday.",
    "Negotiators for Peru's government and the Shining Path rebel group began a new round of peace talks in Lima on Monday, with Chile and Sweden acting as guarantors.",
]
SENTENCES += [
    # delegations of talks told before: led by, represented by, took part, attended
    "Serbian and Kosovar negotiators held talks in Brussels on Tuesday.",
    "The Serbian team was led by Petar Ilic, who also headed Belgrade's delegation at the failed negotiations in 2019, while Kosovo's deputy prime minister, Arta Gashi, led the Kosovar side.",
    "Norway was represented by Ingrid Dahl, while the rebels were represented by Tomas Ferro.",
    "EU envoy Lukas Weber also took part.",
    "The army boycotted the meeting, while an M23 delegation attended.",
    "The delegation will be led by Foreign Minister Ana Costa.",
    # no talks to join; a group led by someone is no delegation
    "Police arrested a gang led by a former soldier.",
    # a surname alone, whatever the tagger made of it; a family name first
    "Foreign Minister Ararat Petrosyan met Wang Yi in Beijing on Monday.",
    "Petrosyan and Wang will meet again next month.",
    # a host in a compound modifier; people who clash clash with words
    "The violence came days after US-brokered talks in Geneva ended without a deal.",
    "Mary Olsen and Tom Reyes clashed over trade policy.",
]
SENTENCES += [
    # offices: the country of a title named without one is on its holder's side
    "Peru and Bolivia signed a border accord in Lima, and Peru promised to open two crossings.",
    "Prime Minister Lena Vasquez spoke by phone with Chilean President Tomas Herrera on Friday.",
    "Interior Minister Karl Lind accused Serbian police of beating protesters, a charge Belgrade rejected.",
    "Defence Minister Omar Haddad warned that Jordan would respond to any attack on its border.",
    "Government spokesman Ali Farouk said Egypt had sent aid to the border.",
    "The talks brought together a Chadian delegation led by Deputy Foreign Minister Idriss Mahamat and a Sudanese team "
    "headed by the country's defence minister, Hassan Omer.",
]
SENTENCES += [
    # offices: portfolios joined by "and"; a club named before a title or by "its"
    "Water Resources and Energy Minister Paulo Mendes inaugurated the dam on Tuesday.",
    "Minister of Trade and Marine Affairs Helga Moe signed the agreement.",
    "Besiktas president Ali Toprak said the club would appeal.",
    "Olimpia said its president, Marco Duarte, would not travel.",
    "Olimpia head coach Diego Ferreyra criticised the referee.",
]
SENTENCES += [
    # an organ's "its units" are the state's; "the group" is not a name that only modifies a noun
    "Georgia's Defence Ministry said its units had opened fire on rebel positions near the pass.",
    "Insurgents stormed a navy base near the port on Friday. The group also launched a drone attack on the airport.",
    # responding with strikes; retaliating for an attack does not make the attack yours
    "The army responded with airstrikes on rebel positions around the town on Sunday.",
    "Washington retaliated for a deadly drone attack on its base in the desert.",
    # an accusation set beside its rejection; a bare claim of responsibility after an attack
    "The interior minister accused Kenyan forces of shelling villages near Mandera, an allegation Nairobi rejected as baseless.",
    "Suspected militants ambushed an army convoy near the border late Sunday.",
    "The Harakat Front claimed responsibility in a statement.",
    # sports and words
    "Substitute Ali Demir fired a shot into the top corner in stoppage time.",
    "The opposition launched a fierce attack on the government's handling of the crisis.",
]
SENTENCES += [
    # offices: a title of "its" organisation after the name
    "Spain sent Lucia Ortega, deputy head of its Civil Protection Agency, to the talks.",
]
SENTENCES += [
    # talks: a delegation led by someone in the talks' own sentence; one due to visit sits at none
    "Foreign Minister Ana Costa travelled to Lima for talks with a Bolivian delegation led by Deputy Foreign Minister Luis Rojas.",
    "A delegation from the African Union, led by its envoy Amina Diallo, had been due to visit Bamako, but the trip was cancelled.",
    # receiving a person is hosting a meeting; receiving a call is not
    "President Paul Kagame received Turkish Foreign Minister Hakan Fidan in Kigali on Monday.",
    "President Paul Kagame received a call from the Turkish foreign minister on Monday.",
    # an invitation is no meeting; who is thanked for hosting hosted
    "The Karen National Union, which had been invited to join the talks, did not attend.",
    "Nigeria's president declined an invitation to meet Ghana's president, John Mensah, in Accra.",
    "Prime Minister Omar Farouk thanked Qatar for hosting the talks.",
]
SENTENCES += [
    # a long lexicon name the recogniser cuts up; "the X-linked group NAME" is NAME, not X
    "Fighters from the al-Qaeda-linked group Jama'at Nusrat al-Islam wal-Muslimin (JNIM) attacked an army post near Mopti on Friday.",
    "On Saturday, fighters from the Islamic State West Africa Province ambushed a convoy near Maiduguri.",
]
SENTENCES += [
    # offices: a place ends an apposition; a body named in lower case; the owner of a named command;
    # a headquarters is no person; a rank is no part of the name
    "Lena Marsh, head of the presidential administration in Tbilisi, said the talks would resume.",
    "Arjun Kapoor, commander of the air force's Southern Command, visited the base on Tuesday.",
    "The spokesman for the Army Headquarters, Brigadier General Tunde Bello, said two soldiers were wounded.",
    "Brazil's director of military intelligence, Maj. Gen. Paulo Costa, met reporters in Manaus.",
]
SENTENCES += [
    # offices: a phrase qualifying a title before the comma; the office of an office holder;
    # two titles in apposition; two places joined by "and"; a club the tagger took for a person;
    # "the military's" title is the country's
    "Oman's minister of state at the finance ministry, Saeed Harthy, signed the loan.",
    "The UN secretary-general's special envoy on Sudan, Maria Lindqvist, arrived in Port Sudan.",
    "The minister will travel to Accra for talks with Togolese President Kofi Mensah.",
    "Serbia's chief negotiator, Deputy Foreign Minister Milan Jovic, met the envoy.",
    "Gujarat and Kashmir Governor Sunil Rao said the roads were closed.",
    "Anderlecht's head coach, Pieter Claes, praised the fans.",
    "Diego Ortiz, the military's chief of general staff, said Bolivia would not send troops.",
]
SENTENCES += [
    # unnamed state forces are the country named before them; not a country the target leads to
    "Kenya's army spokesman said troops had raided a militant camp near the border on Sunday.",
    "The army said its air force had bombed a convoy retreating towards the border with Chad.",
    # a verdict, not a weapon; a cricket shot
    "The opposition leader attacked the new tariffs as reckless.",
    "The batsman attacked the short ball from the outset.",
]
SENTENCES += [
    # what is done around a meeting without being at it; a plan let down; attended by
    "Hours before the meeting, Turkish warplanes struck a depot near the border.",
    "After the meeting, Ali Hassan spoke by phone with Greek Prime Minister Nikos Vlachos.",
    "Envoy Mark Olsen, who had been expected to join the talks, did not travel to Cairo.",
    "The meeting was chaired by the AU's envoy, Amina Diallo, and attended by Petros Haile, the leader of the regional administration.",
]
SENTENCES += [
    # offices: one heads a body, not a person; the title someone is described as
    "Minister Bold Baatar also took part, as did Enkhbold Zandan, who heads Erdene Altai, the state holding company, the government said.",
    "Police said the raid killed Yusuf Hamdan, whom they described as a Hamas commander responsible for several attacks.",
    "The army said it had killed Omar Rashed, whom it described as a senior commander of the Quds Force.",
]
SENTENCES += [
    # offices: an unknown portfolio before "Minister", "Adviser" or "Secretary" is part of the title;
    # a company named by a capitalised noun; the field a title covers; the organisation after "at"
    "Forest Economy Minister Jean Mballa visited the site.",
    "U.S. Veterans Affairs Secretary Ron Dale and Japanese Vice Minister Ken Sato met on Monday.",
    "The talks were called off, Presidential Security Adviser Marco Diaz said.",
    "\"We follow the rules,\" Corvel chief executive Mia Cole told analysts on Monday.",
    "\"Nobody wants a trade war,\" said Tom Reed, chief Europe economist at Harbor Capital in London.",
]
SENTENCES += [
    # a numbered unit; an air force named with its aircraft; the militia a spokesman speaks for
    "Fighters from the 201 Combat Brigade stormed the headquarters of a rival militia in Misrata.",
    "Indonesian Air Force F-16 jets bombed a rebel camp in the highlands.",
    "A Mai-Mai spokesman said the militia had also ambushed an army convoy on the road to Beni on Saturday.",
    # a capitalised common noun is no name
    "Jihadists ambush Nigerien army convoy.",
]
SENTENCES += [
    # offices: a lower-case word that describes the organisation is not in the title
    "In the north, Omar Dagan, commander of the rival Sahel Liberation Army, warned that his forces could move.",
    "Vera Holm, head of the ruling Green Party, spoke.",
]
SENTENCES += [
    # a host named after the talks' topic
    "Delegations from the rebels and the government met for a new round of negotiations on a ceasefire, hosted by Kenya.",
]
SENTENCES += [
    # who killed in a raid raided; what a strike destroyed it hit; traffickers from a gang; gangs are no country
    "Rebels from the Lord's Resistance Army killed nine people in a raid on a market near Obo.",
    "A Kenyan drone strike destroyed two trucks near the border.",
    "Traffickers from the Tren de Aragua gang fired at a police patrol in Maracay.",
    "Haitian gangs raid a prison near Hinche.",
    # a state's guards are the state; tennis winners are no targets
    "Iran's Revolutionary Guards struck Kurdish bases in northern Iraq.",
    "The Kazakh hit 38 winners in the final.",
]
SENTENCES += [
    # who a meeting brought together took part
    "The meeting in Geneva on Tuesday brought together the Cypriot president, Andreas Loizou, and the Turkish Cypriot leader, Mehmet Kaya.",
]
SENTENCES += [
    # a pronoun in the next sentence takes up the subject, not a name in its relative clause
    "The Lakeside Front, which has pledged allegiance to the Islamic State group, is active in the east. In 2023 its fighters attacked a school in Mpondwe.",
]
SENTENCES += [
    # "the militants" in a later paragraph; "the town" is the place named before it
    "Al-Shabaab fighters ambushed a police convoy near Lamu on Tuesday.",
    "Hours later, the militants stormed a village in Lamu West.",
    "Residents recalled the 2014 massacre in Mpeketoni, when al-Shabaab gunmen attacked the town.",
]
SENTENCES += [
    # the group a partitive takes its part from; what was fired is the instrument
    "Hundreds of jihadists on motorcycles stormed a military base in the north at the weekend.",
    "The militia fired dozens of rockets at northern Israel.",
]
SENTENCES += [
    # offices: lower-case rank words are titles; rank prefixes; a title word tagged as a verb; "Gov."
    "Hamas commander Yusuf Barakat met Qatari officials in Doha on Monday.",
    "Thailand's army chief, Senior Gen. Prawit Chansiri, visited the border on Friday.",
    '"The raid was a success," Air Commodore Ade Okoro, the air force spokesman, said in a statement.',
    "The result leaves India needing a win, while Nepal head coach Martin Keane said his side was ready.",
    "Sonora Gov. Ricardo Valdez Soto called the attack cowardly.",
    # a common word for a body opening a title; the junta's; a country inside a title
    "Parliament Speaker Rami Haddad will meet the envoy on Friday.",
    "National Registrar Luis Ortega said the count would finish on Monday.",
    "The junta's spokesman, Brig. Gen. Kyaw Lin, declined to comment on the strike.",
    "Jane Porter, the senior British adviser for the Sahel, chaired the meeting.",
    # whose title is; a spokesman for the group; titles joined by "and"
    "Hamas, whose political leader is Khalil Nasser, rejected the proposal on Sunday.",
    'The Kachin Independence Army seized a base on Monday. "We will hold it," said Naw Seng, a spokesman for the group.',
    "Peter Vance, the British ambassador to Egypt and special envoy for Sudan, attended the talks.",
    # two countries named as often; a name part glued by a hyphen; the subject of the sentence before
    "Kenya and Uganda signed a trade pact in Nairobi on Monday.",
    "Foreign Minister Alice Wanjiru said the pact would cut tariffs.",
    "The Sudan Liberation Movement did not comment. Later, the group's spokesman, Al-Sadiq Rizig, said its fighters had withdrawn.",
]
SENTENCES += [
    # a state's unnamed organs and forces, told after the article named the state
    "Mexico's security chief spoke on Tuesday.",
    "Soldiers and National Guard troops later raided a cartel camp in the hills.",
    "Hours later, the army said its warplanes had bombed an airport in the south.",
    # a swarm of drones; a cell of a cartel; what was detonated; cricket
    "A power station on the edge of the city was hit by a swarm of drones before dawn.",
    "Gunmen attacked a police convoy on Tuesday.",
    "Officials said the attack was carried out by a cell of the Jalisco New Generation Cartel.",
    "Gunmen opened fire on the checkpoint and then detonated an explosive device.",
    "The opener struck three boundaries in an over and hit five sixes.",
    # "the group" is a group before an organisation; a two-word lexicon name the tagger cut up
    "Islamic State militants attacked a checkpoint on Tuesday, the Interior Ministry said, in one of the deadliest attacks by the group this year.",
    # an abbreviation the article spells out is not the lexicon's
    "The Ambazonia Defence Forces (ADF) claimed the ambush.",
    "The ADF has also attacked schools in the region.",
]
SENTENCES += [
    # offices: of two countries named as often, the one the article's other offices are of
    "Kenyan President Samuel Otieno hosted Ugandan officials on Monday.",
]

# talks of the sides the people taking part speak for; meetings told apart by place
SENTENCES += [
    "Syrian President Ahmed al-Sharaa met SDF commander Mazloum Abdi in Damascus on Monday.",
    "Abdi later held talks with U.S. envoy Tom Barrack.",
    "Colombian President Gustavo Petro met Interior Minister Armando Benedetti in Bogota on Tuesday.",
    "Ahmed al-Sharaa met Mazloum Abdi in Damascus.",
    "Gustavo Petro met Armando Benedetti in Bogota.",
]

# attack roles: a name inside a chain of compounds; a target hung on the weapons; what was
# hit in someone's words; a surname after a particle
SENTENCES += [
    "Members of the Village de Dieu gang alliance shot at a police helicopter on Sunday.",
    "Rebel fighters opened fire with rifles and grenades on a police station in the north.",
    "Turkish jets struck what the ministry described as PKK shelters in northern Iraq.",
    "Russian missiles hit what Kyiv said were civilian buildings.",
    "Jean-Yves Le Drian, the French envoy, arrived in Beirut on Monday.",
    "Le Drian met Prime Minister Nawaf Salam later in the day.",
]

# talks: a subject the parser set beside the opening place; "during talks" hung on a noun;
# a chairman with his name in apposition
SENTENCES += [
    "In Nairobi, Kenya's foreign minister, Musalia Mudavadi, held talks on Monday with Somalia's envoy, Abdi Hussein.",
    "Kenyan and Somali officials reached an understanding on a maritime agreement during talks in Nairobi.",
    "President William Ruto met the chairman of the East African Community, Salva Kiir, in Nairobi.",
]

# whom a raid was on: the one the raiders killed
SENTENCES += [
    "French troops killed a senior al-Qaeda commander in a night raid near Gao.",
]

# "its" after a verb of saying that shares its subject; a country that only backs a thing
SENTENCES += [
    "Myanmar's junta is losing ground to ethnic armed groups.",
    "The Arakan Army said its fighters had attacked a naval base near the Chinese-backed port of Kyaukphyu. The military "
    "acknowledged heavy fighting and said its aircraft had struck rebel positions around the island.",
]

# the object the parser took for the subject of a clause after the verb
SENTENCES += [
    "Turkish drones struck PKK fighters moving along a mountain road near the border, officials said.",
]

# a target noun the parser hung as a clause on the word before it
SENTENCES += [
    "Thai troops raided a suspected insurgent hideout in Bacho district on Sunday, killing two men.",
]

# offices (heldout10): a rank split from its name; a verb before a title; a trade is no office; named as,
# becomes, dropped, named to replace; a body "of" a country; a manager; a region; who leads after an
# apposition, led by; a first name tagged apart, a counterpart; a country in a clause told of the holder;
# a title tagged with the name as one organisation; a place tagged as a person; a name in capitals;
# "the envoy of President X"; one president a country; "the rebels'" named in a paragraph before
SENTENCES += [
    "The army said the strike hit a weapons store. Israeli military spokesman Lt. Col. Nadav Shalem said one of the men killed in the strike was a Hamas commander.",
    "Ghana's president, John Mensah, reshuffled his cabinet on Monday, naming economist Ama Owusu as Treasury cabinet secretary and moving her predecessor, Kofi Boateng, to the foreign ministry.",
    "Economist Jane Mwangi said inflation would ease this year.",
    "Ghana's cabinet met on Monday. Boateng becomes foreign affairs cabinet secretary.",
    "Mensah also dropped Energy Cabinet Secretary Abena Ofori, whose ministry has faced criticism over power cuts, and named Yaw Darko, a former mayor of Kumasi, to replace her.",
    "Supreme Court of Kenya judge Mary Wanjiru said the ruling would stand.",
    "Leeds manager Tom Hartley said his side had been unlucky.",
    "Pavel Sorokin, the governor of the Mykolaiv region, said firefighters had put out the blaze.",
    "The offer was rejected by Abebe Tadesse, the Oromia region's president, on Friday.",
    'Mohamed "Tiger" Omar, the former soldier who leads al-Shabaab, threatened to attack the port.',
    "Al-Shabaab, which is led by Hassan Warsame and is under United Nations sanctions, has repeatedly attacked villages.",
    "Meanwhile, Burundi's foreign minister, Therese Kayitesi Muller, and her Rwandan counterpart, Paul Habimana, will meet in Washington next week.",
    "Meanwhile, Gabon's foreign minister, Clementine Ayo Weber, and her Cameroonian counterpart, Paul Biyong, will meet in Paris next week.",
    "Prime Minister Hassan Karimi, who has tried to mend ties with Washington, spoke by telephone with Turkish President Recep Tayyip Erdogan on Monday.",
    "Greer hosted a Thai delegation led by Minister of Industry and Trade Suriya Chaiwat for a day of talks.",
    "In southern Ukraine, Russian troops launched a drone attack on the city of Kherson, wounding four people, Kherson regional governor Ivan Marchenko said on Telegram.",
    "ATP chief executive Mark Lowe said the tour was listening to the players.",
    "Chilean President Ana Rojas met the visiting delegation on Monday.",
    "The envoy of President Mark Dalton also attended the meeting.",
    "Arakan Army fighters seized a town on Monday.",
    "The rebels' spokesman, Khine Thu, said the town had been taken.",
]

# an attack told again by who did it, with "the" and a common noun for what it hit
SENTENCES += [
    "Houthi rebels fired a missile at a Greek-owned tanker in the Red Sea on Monday.",
    "The Houthis said their naval forces had struck the ship with two missiles.",
    "Russian forces shelled a hospital in Kherson.",
    "Russian forces also struck the city with drones.",
]

# an office given in a passive clause with no country (the search for who gave it ends)
SENTENCES += [
    "Amina Wanjiru was elected president.",
]
SENTENCES += [
    "The Arakan Army said its fighters had stormed a navy base near Kyaukphyu.",
    "The group also launched a drone attack on the airport in Sittwe.",
]

# a clause with a finite verb of its own after "hit" is no object of it
SENTENCES += [
    "Opening batter Dewald Brevis hit a superb 142 and South Africa's fast bowlers struck twice in the final half-hour.",
]

# what one person calls the object of a rebuke; abstract objects
SENTENCES += [
    "Opposition leader Raila Odinga attacked what he called the government's \"reckless incompetence\" on Tuesday.",
    "Senator Ana Ruiz attacked the government's concessions in a speech to parliament.",
]

# an accusation rejected in the sentence after
SENTENCES += [
    "Kyiv said Belarusian forces had fired on Ukrainian border posts near Chernihiv on Sunday.",
    "Belarus's defence ministry rejected the accusation as \"a provocation\".",
    "Poland's foreign ministry rejected the accusation as \"a provocation\".",
]

# a title in the plural before a list of names, each "of" its country (one name the tagger missed)
SENTENCES += [
    "Presidents William Ruto of Kenya, Yoweri Museveni of Uganda and Paul Kagame of Rwanda also spoke.",
]

# the body of a local or corporate title told without one, from the sentence or the one before
SENTENCES += [
    "Dakota Power said a fault at a substation caused the outage. Its managing director, Laura Mwangi, apologised to customers.",
    "In Zaporizhzhia, Russian drones hit a bus depot in the city's Shevchenkivskyi district, Mayor Ivan Fedorov said.",
    "Kyiv Mayor Vitali Klitschko said the strike damaged a school.",
    "Shell said it would restart the project next year. Chief executive Wael Sawan told analysts the risks had eased.",
    "Gunmen attacked a village in Nigeria's Zamfara state on Sunday.",
    "The state's governor, Dauda Lawal, visited the wounded in Gusau.",
]

# denials in other words: "denied that", "called the accusation a lie", "denied that any such firing had taken place"
SENTENCES += [
    "State media said Turkish artillery had shelled a school near Kobani.",
    "The Turkish military denied that, saying its fire had targeted only militant positions.",
    "Azerbaijan said Armenian troops had fired on its positions near Lachin.",
    "Armenia's defence ministry spokesman, Aram Torosyan, called the accusation \"an outright lie\".",
    "RAIPUR, India (Reuters) - Maoist rebels accused security forces of opening fire on villagers at a market in Bijapur.",
    "Sunil Verma, the police chief of the Bijapur district, said the rebels had suffered heavy losses.",
    "Verma denied that any such firing had taken place.",
]

# unnamed forces in an article that names no country but in its dateline
SENTENCES += [
    "Troops raided a bandit camp in the Dansadau forest on Monday, killing seven gunmen, police said.",
]

# rebukes and sport: no attacks
SENTENCES += [
    "Prime Minister Albin Kurti attacked the EU's draft statute for the municipalities.",
    "Silva struck a free kick over the wall in the 70th minute.",
    "Castlebrook Partners fired a broadside at the bank's board on Tuesday.",
]

# a name the tagger cut after a title; a minister replaced; a country the holder acts on; a group's abbreviation
SENTENCES += [
    "Chad's President Mahamat Idriss Deby Itno sacked his defence minister on Sunday.",
    "Interior minister Ali Hassan Saleh was dismissed and replaced by General Moussa Haroun Tirgo, a former commander of the army's ground forces.",
    "Israeli jets struck a Syrian army base near Damascus on Monday, Syria's defence ministry said.",
    "Syria condemned the strikes.",
    "Defence Minister Yoav Dorn vowed to strike any Syrian forces that entered the buffer zone.",
    "The Southern Transitional Council (STC) said its forces stormed militant hideouts in the Mudiya valley.",
    "STC spokesman Saleh al-Yafei said 12 militants were killed.",
]

# "the head of the agency" named the paragraph before; a title holding a body's name; national titles
SENTENCES += [
    "Taiwan's Coast Guard Administration said a Chinese ship fired water cannon at a fishing boat.",
    "The boat was inside Taiwanese waters, the head of the agency, Kuan Bi-ling, told reporters.",
    "Chancellor of the Exchequer Rachel Reeves has encouraged consolidation among mid-sized lenders.",
    "In Israel, opposition leader Yair Lapid criticised the government's approach.",
]

# "came under ..."; a weapon named with its modifiers; who was told is no antecedent
SENTENCES += [
    "A police station in northwestern Pakistan came under a coordinated assault shortly after midnight, police said.",
    "An army convoy came under fire near Gao on Friday.",
    "A bus carrying soldiers was hit by a powerful improvised explosive device in Bijapur district on Thursday.",
    "The gunmen opened fire on residents of the village, a resident told The Associated Press. \"They were shooting at anyone who ran,\" he said.",
]

# talks ruled out; talks led by a mediator
SENTENCES += [
    "The governor visited survivors and ruled out negotiations with Boko Haram.",
    "The talks, led by mediator Anne Leclerc of the Federal Mediation Service, are focused on wages.",
]

# "bombarded ... with" words, not weapons
SENTENCES += [
    "Porto bombarded the area with crosses in the closing stages.",
    "Reporters bombarded the minister with questions about the budget.",
]

# a local title with its place after "in"
SENTENCES += [
    "The gunmen also fired on a checkpoint, wounding three soldiers, said Imran Qadir, the police chief in Bannu.",
]

# "named X, ..., as Y"; "the state's" without a state named as one; "the union's"; "The X delegation ... its"
SENTENCES += [
    "In a decree, Goita named Omar Haidara, until now defence minister, as prime minister, replacing Moussa Mara.",
    "Maoist rebels ambushed a police convoy in Jharkhand's Latehar district on Monday, Jharkhand police said.",
    "Police said the rebels fled towards Palamu.",
    "Raghubar Das, the state's chief minister, visited the wounded on Tuesday.",
    "Negotiators for the National Union of Rail Workers and the Rail Operators Council resumed talks on Monday.",
    "\"We will not accept cuts,\" said Mary Okafor, the union's president.",
    "Egypt hosted talks on Monday between Hamas and Fatah. The Fatah delegation was led by its chief negotiator, Azzam al-Ahmad.",
]

# claims "for the attack"; a country's named forces; "air force helicopters"; "struck X ... that it said";
# "accused X of carrying out strikes"; a target's place cut off; the attack told again by its target
SENTENCES += [
    "Gunmen stormed a church in the town on Friday, police said.",
    "The Sahel Martyrs Brigade claimed responsibility for the attack on Sunday.",
    "The South Sudan People's Defence Forces shelled rebel positions on Monday.",
    "On Tuesday, Chilean air force jets bombed a smuggling camp in the hills.",
    "The Dutch navy struck a vessel on Monday that it said was carrying weapons.",
    "The rebels accused the Malian army of carrying out drone strikes on their camps.",
    "Suspected insurgents ambushed a convoy of the paramilitary Frontier Corps in Pakistan's northern region of Gilgit on Monday evening, killing two soldiers.",
    "Gunmen surrounded the church and opened fire on the worshippers.",
    "Colombian army helicopters struck rebel hideouts near the border on Saturday.",
    "Officials said the men who led the raid on the church had been killed.",
    "The Sahel Martyrs Brigade claimed responsibility for the massacre.",
]

# talks: a list hung on an apposition; "hosted and chaired by"; "after three days of talks"; a delegation
# received; "lasted ... and was led by"; a territory's demonym; "EU Fisheries Commissioner"
SENTENCES += [
    "The talks, hosted and chaired by Danish Trade Minister Lars Holm, brought together EU Trade Commissioner Maria Sefcovic, Japan's trade minister, Kenji Sato, and Anna Lindqvist, the Swedish minister of trade.",
    "Canada, the European Union, Mexico and Japan agreed on Friday to cut tariffs on steel, after three days of talks in the Danish city of Aarhus.",
    "Kenyan President William Ruto received a Turkish military delegation led by Deputy Defence Minister Celal Sami Tufekci in Nairobi on Monday, his office said.",
    "The session at the ministry's offices in Valparaiso lasted six hours and was led by Carmen Soto, the ministry's chief mediator.",
    "Petur Hansen, the Faroese minister of fisheries, rejected the criticism.",
    "The talks brought together EU Fisheries Commissioner Ioana Marin and officials from Norway.",
]

# offices: "who was sworn in as"; a company that names; the company an article is about; "managing partner";
# "the committee's convenor"; "resigned"; "is the chief executive of"; not "the son of"; "Acme Corp." no person
SENTENCES += [
    "Abdourahamane Tiani, who was sworn in as Niger's president last year, received the envoy.",
    "Natasha Chisanga, who had been deputy finance minister, was sworn in as finance minister.",
    "Norwegian carrier Nordlys Air named Ingrid Halvorsen as chief executive on Thursday.",
    "Brightwater Foods said sales fell. Brightwater Foods cut its forecast.",
    "Analysts expect more cuts at Brightwater Foods.",
    "\"The board has listened to shareholders,\" chairman Per Aasen said in a statement.",
    "Jorge Sampaoli, the managing partner of Andes Partners, declined to comment.",
    "The Coordinating Committee on Water Rights said it would boycott the talks. \"There can be no dialogue,\" said Ravi Menon, the committee's convenor.",
    "The state has been under federal rule since February, when Chief Minister N. Biren Singh resigned after months of pressure.",
    "Maria Jones is the chief executive of Acme Corp.",
    "Musalia Mudavadi, who is Kenya's foreign minister, spoke to reporters.",
    "Ahmed Musa is the son of President Ali Musa.",
]

# a sports story's plays; an attack in words
SENTENCES += [
    "Tom Pidcock then bombed down the descent into the valley to take the leader's jersey.",
    "The peloton split in the crosswinds, and two riders crashed before the sprint to the podium.",
    "Gunmen attacked the team bus on the way to the stadium.",
    "Magnus Brekke attacked the board in an open letter last month.",
]

# "he" among who met
SENTENCES += [
    "Defence Minister Ricardo Palma flew on Tuesday to the army base at Satipo. He also met the mayor, Wilber Quispe, to discuss security.",
]

# talks: "the meeting between X and his counterpart, Y" (parsed on the noun); "headed the team of X at the talks";
# "Also present was"; "sent diplomats to attend"; "including its chairman"; a name after "the union,"
SENTENCES += [
    "Qatar's foreign minister hosted the meeting between Kenya's foreign minister, Musalia Mudavadi, and his Somali counterpart, Ahmed Fiqi, at a hotel.",
    "Toroama headed the team of the Autonomous Bougainville Government at the talks in a Port Moresby hotel.",
    "Ethiopia and Eritrea held talks in Jeddah on Sunday. Also present was the African Union's special envoy, Amina Oumarou.",
    "Ethiopia and Eritrea held talks in Jeddah on Sunday. Australia and New Zealand sent diplomats to attend as observers.",
    "Halvorsen is due to meet leaders of the Nordlys Pilots' Association, including its chairman Erik Tangen, next week.",
    "Before the start, race director Paolo Bellini met representatives of the riders' union, the Cyclistes Professionnels Associes (CPA), and agreed to neutralise the timing.",
]

# "Remnants of X"
SENTENCES += [
    "Remnants of the Shining Path guerrilla group ambushed an army patrol in the valley on Monday.",
]

# "Crown Prince X"; "the directorate's head of mediation"; a company's first word alone; "managing" tagged a verb
SENTENCES += [
    "Abiy spoke by phone with Saudi Crown Prince Mohammed bin Salman on Friday.",
    "The session at the Labour Directorate's offices was long. It was led by Claudia Herrera, the directorate's head of mediation.",
    "Castlebrook Partners, an activist investor, holds 3% of the bank.",
    "Nikhil Rao, Castlebrook's managing partner, attacked the plan as empire building.",
]

# "X was represented by [title] Y"; a de facto state; a creed before fighters says what they are
SENTENCES += [
    "Turkmenistan was represented by Deputy Prime Minister Batyr Annayev.",
    "Moldova's delegation was led by Vadim Ciobanu, while Transnistria was represented by its chief negotiator, Vitaly Grinchuk.",
    "Communist guerrillas killed four soldiers in an ambush on an army patrol.",
]

# talks: "under the mediation of"; "A delegation led by X also took part"; "flanked by"; "an IMF mission led by";
# not "who heads the U.N. Mission in South Sudan"
SENTENCES += [
    "Negotiators from Moldova and Transnistria held talks on Wednesday, meeting under the mediation of the Organization for Security and Co-operation in Europe (OSCE) in Bender.",
    "Uzbek President Shavkat Mirziyoyev hosted the summit in Tashkent on Thursday. A World Bank delegation led by the bank's regional vice president, Elena Petrovska, also took part.",
    "Canada's trade minister and India's commerce minister opened two days of talks at the ministry's headquarters, flanked by their chief negotiators, Martin Leclerc of Canada and Anjali Rao of India.",
    "The finance minister will meet an IMF mission led by Marta Kowalczyk in Accra next week.",
    "Kenya's envoy met President Salva Kiir in Juba on Wednesday. Grace Mensah-Owusu, who heads the U.N. Mission in South Sudan, said she was alarmed.",
]

# "at what it said were X"; "prompting Y to strike"; "denied any role in that shooting" (the last one told)
SENTENCES += [
    "Iran fired missiles and drones at what it said were militant bases in Balochistan province, prompting Pakistan to strike separatist hideouts inside Iran two days later.",
    "Jaish al-Adl fighters killed 11 police officers in an assault on a police station in the town of Rask.",
    "Iranian media blamed the group for the killing of a cleric who was shot dead outside his home last week. Jaish al-Adl denied any role in that shooting.",
]

# "then-Prime Minister X"; a rank is no given name
SENTENCES += [
    "Relations plunged in September 2023, when then-Prime Minister Justin Trudeau told parliament that Canada had credible allegations.",
    "\"Our forces used artillery,\" army spokesman Colonel Fabrice Nzohabonayo said.",
]

# review guards: the appointer keeps his own office; "resigned abruptly"; "in a border post"; a person named Court;
# "General" is no short name of General Motors
SENTENCES += [
    "William Ruto, who is the party's leader, appointed John Mbadi as finance minister.",
    "Chief Minister Raghubar Das resigned abruptly on Monday.",
    "Gunmen attacked soldiers in a border post in northern Mali.",
    "Tennis great Margaret Court met the minister in Perth.",
    "General Motors said sales fell in March.",
    "General Mark Milley said the army was ready.",
]

# a claim names an attack told without attackers, but not one an aircraft made; habits and ranks are no attacks;
# a name with its initials in brackets is a body; "armed groups"; "the group" is who the last paragraph is about
# (not a name quoted there); "denied that any such attack had taken place"; "Egyptian F-16 jets"; blame; "denied
# any involvement" (in the attack told just before); "the government" speaks for the story's country
SENTENCES += [
    "A police convoy was ambushed on a highway near Garissa on Tuesday. Gunmen then opened fire on officers who tried to flee. Al-Shabaab claimed responsibility.",
    "The army said its jets had bombed a camp near the border, and a drone had also hit a car in the valley. Gunmen later ambushed a patrol nearby. Al-Shabaab claimed responsibility.",
    "Thousands have died in attacks by armed groups that raid villages and kidnap travellers.",
    "Insurgents attacked an army base in the north on Monday, in one of the deadliest attacks on the military this year.",
    "On Friday the radical group Frente Tierra Roja (FTR) said it had set fire to two lumber trucks.",
    "A handful of armed groups have carried out arson attacks on trucks and farms.",
    "ISWAP, a splinter of Boko Haram, claimed the ambush, saying its fighters had targeted \"a gathering of Ansaru militiamen\".",
    "The group said it had also bombed a bridge near Gwoza on Sunday.",
    "In the same message, the group said it had shelled a checkpoint in Kandahar province on Monday. Provincial officials denied that any such attack had taken place.",
    "Hours after the ambush, Egyptian F-16 jets struck militant positions in northern Sinai.",
    "Gunmen stormed a displacement camp overnight, killing 12 people. The provincial governor blamed the killings on CODECO.",
    "The military blamed the ELN for a car bomb attack on a police station in Cucuta.",
    "The army blamed the ELN for a grenade attack on a barracks. The ELN denied any involvement.",
    "Houthi fighters fired a missile at a cargo ship in the Red Sea on Monday. Separately, the coast guard said a cable had been cut near the port. Iran denied any involvement.",
    "Five people were wounded in the blast near the market, police spokesman Abdul Karim said.",
    "The activist fund launched a fresh attack on the board last week.",
    "ADDIS ABABA, March 2 (Reuters) - Rights groups blamed the Ethiopian army for a drone strike on a market in Gondar. The government denied that it had carried out that strike.",
]

# talks: "talks with X and officials from A, B and C"; "with X a notable absentee"; a region is no side; people
# the recogniser took for bodies, listed after countries' possessives; offices: a corporate title with a modifier,
# of the company the article names most by the first word of its name; "The X delegation is led by", told in a
# reported clause; "the faction's chief negotiator"; "Defence" of "Defence Minister" is no body
SENTENCES += [
    "Canada's trade minister led the Canadian team in talks with ASEAN Secretary-General Kao Kim Hourn and ministers and officials from Vietnam, Thailand, Malaysia and the Philippines at the bloc's headquarters.",
    "Andean leaders gathered in Lima on Friday for a summit on trade, with Ecuadorean President Daniel Noboa a notable absentee.",
    "African leaders met Chinese Premier Li Qiang in Addis Ababa on Sunday.",
    "Chilean President Gabriel Boric hosted Peru's Rosa Quispe Mamani, Ecuador's Tomas Ayala Viteri and Bolivian President Rodrigo Paz at La Moneda.",
    "Marlow Ridge Resources said its chief executive had resigned.",
    "Marlow shares fell 4% on Tuesday. Analysts said Marlow needed stability, and Marlow later confirmed the board's plans.",
    "Elena Fischer, who had been finance chief since 2020, will serve as interim chief executive, the company said.",
    "A faction of the Coordination of Azawad Movements resumed talks with the government on Monday.",
    "The Malian delegation is led by Defence Minister Sadio Camara, while the rebels are represented by Moussa Ag Bilal, the faction's chief negotiator, officials said.",
]

# offices: the title before a name that a sentence names to another office is the one left; a body's team led by
SENTENCES += [
    "Brightwater Foods said on Monday that its chief executive, Tom Reyes, had resigned, and named finance chief Lena Ortiz to replace him. Deputy finance chief Omar Haddad was named acting chief financial officer.",
    "Nordwind Airlines' team was led by chief operating officer Petra Lang, while union president Jonas Weber headed the pilots' side.",
]

# a word describing the holder is no part of the title
SENTENCES += [
    "Far-right Finance Minister Bezalel Smotrich said the deal was a mistake.",
    "The new Foreign Minister Chathurika Fernando met envoys on Monday.",
]

# rebels of a country are not the country; "fired his finance minister on Tuesday"; "attacked the government for
# 'legitimising secession'"; "struck a tougher tone"; "a drone operated by the Kyrgyz military"; a model's name tagged
# as a person; "called that 'an outright fabrication'"; a target the recogniser glued to a time
SENTENCES += [
    "Syrian rebels shelled an army base near Aleppo on Sunday.",
    "Kurdish militants ambushed a Turkish army convoy near Hakkari.",
    "Malawian President Peter Mutharika fired his finance minister on Tuesday and moved three other ministers.",
    "Farhan Odowaa, leader of the opposition Somali Salvation Forum, attacked the government for \"legitimising secession\".",
    "Asanov struck a tougher tone on Monday evening.",
    "In a statement, the Border Troops of Tajikistan said a Turkish-made Bayraktar drone operated by the Kyrgyz military struck an outpost near the Vorukh exclave in the afternoon, wounding three servicemen.",
    "Bishkek also accused Tajik troops of firing on a bus carrying schoolchildren near the town of Isfana. Tajikistan's foreign ministry called that \"an outright fabrication\" and said no Tajik unit had been in the area.",
    "Tajik forces shelled a Kyrgyz border village on Monday, killing two civilians, and a Kyrgyz drone struck a Tajik border post hours later, officials in both countries said.",
]

# a name the recogniser missed, beside a word for a body
SENTENCES += [
    "Kenyan state power company Kenpower and its largest union resumed wage negotiations on Monday.",
]

# review guards: who the blame is laid on; a creed before "group"; a denial of involvement not told just after
SENTENCES += [
    "Officials blamed the attack on Kyiv on Russia.",
    "Guerrillas from a small Marxist group ambushed a military patrol in the north.",
    "The army blamed the ELN for a grenade attack on a barracks. Separately, officials said a bridge had been closed for repairs. The ELN denied any involvement.",
]
