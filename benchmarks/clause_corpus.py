#!/usr/bin/env python3
"""Generate a realistic, seeded clause library for draftkit search benchmarks.

Usage::

    python clause_corpus.py OUTDIR [--clauses N] [--seed S]

Writes about 200 topic files (``detention-01.yaml`` ...) in the same format as
``examples/clauses`` into OUTDIR: ``topic:`` plus a ``clauses:`` list of clauses with id,
kind, title, text or lead/body/items, variables, topics, audiences, variants, status,
vetting fields, notes and provenance.

The text is composed from phrase banks written for this generator about the subjects of
advocacy letters (detention, torture, humanitarian access, sanctions, refugees,
elections, press freedom, the internet, accountability, UN mechanisms, labour rights,
climate, land, health, children, civil society, the death penalty, arms transfers).
Every slot in a template draws from a list with Zipf-like weights, so everyday words
("government", "rights", "ensure", "employer") occur in thousands of clauses and the
tail of each list in only a handful.

Besides the natural clauses, the library always contains the PLANTED clauses defined at
the end of the banks: hand-written clauses with distinctive content at fixed ids, so that
queries over the generated library have answers known by construction. Their
distinctive words (see PLANTED_ONLY_WORDS) never occur in natural clauses.

The output depends only on (N, seed): the same arguments always give byte-identical
files. relevance.yaml's "generated" queries assume the defaults (100,000 and seed 16).
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import math
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

DEFAULT_CLAUSES = 100_000
DEFAULT_SEED = 16
TARGET_FILES = 200

# ----------------------------------------------------------------------------------------
# Phrase banks. A template is a string with [slot] references; a slot is a list ordered
# from common to rare (weights fall off as 1/rank**0.9). Slot values may contain slots.
# {{ name }} is a Jinja variable of the clause and is declared automatically.
# ----------------------------------------------------------------------------------------

FIRST_NAMES = [
    "Amara", "Tomas", "Lina", "Dawit", "Mariam", "Yusuf", "Elena", "Kofi", "Nadia", "Ravi", "Sofia", "Hamid",
    "Irina", "Jonas", "Leila", "Mateo", "Noor", "Pavel", "Rosa", "Samir", "Tariq", "Vera", "Wanjiru", "Ximena",
    "Yara", "Zainab", "Anton", "Bilal", "Dina", "Emil", "Farida", "Goran", "Hana", "Ines", "Jamal", "Karim",
    "Lucia", "Miriam", "Nikolai", "Olga", "Pedro", "Rania", "Selim", "Teodor", "Umar", "Valentina", "Wiktor",
    "Aziza", "Bruno", "Celia",
]
SURNAMES = [
    "Haddad", "Moreno", "Kovacs", "Abebe", "Rahimi", "Petrov", "Mensah", "Okafor", "Nasser", "Ilic", "Demir",
    "Varga", "Lindqvist", "Castillo", "Osei", "Karimi", "Novak", "Balogun", "Ferreira", "Horvat", "Idrissi",
    "Jovanovic", "Kamau", "Lopes", "Marin", "Nkosi", "Orlov", "Pereira", "Quispe", "Rostami", "Sadiq", "Toure",
    "Ulloa", "Volkov", "Wekesa", "Yilmaz", "Zaki", "Bakr", "Cardenas", "Dumitru", "Esposito", "Farah", "Galvez",
    "Hashemi", "Ivanova", "Jalloh", "Kiplagat", "Lemaire", "Mwangi", "Nazari", "Popescu", "Serrano", "Tadesse",
    "Usman", "Vidal", "Wolde", "Zeller", "Brandt", "Cisse", "Dlamini", "Eriksen", "Fofana", "Gashi", "Halloran",
    "Ibarra", "Kerimov", "Maalouf", "Nyambura", "Oyelaran", "Szabo",
]
_TOWN_HEADS = ["Ald", "Bel", "Cor", "Dun", "Esk", "Far", "Gal", "Hol", "Ist", "Kar", "Lom", "Mar", "Nor", "Ost",
               "Pel", "Rav", "Sel", "Tor", "Var", "Wen", "Zar", "Brem", "Cal", "Drav", "Fen", "Gor", "Hal", "Kel",
               "Mor", "Tal"]
_TOWN_TAILS = ["ford", "mere", "ova", "ani", "burg", "dale", "esh", "ia", "ik", "ora", "uth", "wick", "stad",
               "avo", "ton", "gard"]
TOWNS = [h + t for h in _TOWN_HEADS for t in _TOWN_TAILS]
random.Random(20260516).shuffle(TOWNS)  # fixed order, whatever the seed: ranks are stable

GLOBAL_SLOTS: dict[str, list[str]] = {
    "town": TOWNS,
    "first_name": FIRST_NAMES,
    "surname": SURNAMES,
    "person": ["[first_name] [surname]"],
    "day": [str(d) for d in (12, 3, 21, 7, 15, 28, 1, 9, 18, 25, 5, 11, 23, 2, 14, 27, 8, 19, 26, 4)],
    "profession": [
        "teacher", "lawyer", "student", "engineer", "doctor", "farmer", "nurse", "poet", "economist", "pastor",
        "imam", "trade unionist", "pharmacist", "filmmaker", "software developer", "historian", "architect",
        "translator", "librarian", "beekeeper", "midfielder", "veterinarian", "puppeteer", "glassblower",
        "seismologist", "ferry captain", "choir director", "bookbinder",
    ],
    "foreign_city": ["London", "Dubai", "Geneva", "Paris", "Istanbul", "Singapore", "Vienna", "Monaco", "Miami",
                     "Limassol", "Riga", "Panama City"],
    "outlet": ["the [town] Courier", "Radio [town]", "the [town] Weekly", "[town] Online", "the Evening Post",
               "the independent channel [town] TV"],
    "company": ["[surname] Holdings", "[town] Textiles", "[surname] Construction", "[town] Agro Industries",
                "the [surname] Group", "[town] Mining Company", "[surname] Logistics"],
    "place": [
        "the capital", "the northern provinces", "the border districts", "the eastern highlands",
        "the coastal region", "the river districts", "the southern valleys", "the mining belt",
        "the western plateau", "the delta", "the port city", "the islands",
        "the former conflict zone", "the industrial suburbs", "the tea-growing hills",
        "the frontier towns", "the desert regions", "the old city", "[town]", "the district of [town]",
        "the villages around [town]", "Harrow Bay", "the Kessel valley", "Port Amaro", "the Tavor hills",
        "Lower Brenn", "the Ostra marshes",
    ],
    "period": [
        "the past year", "the last two years", "recent months", "the past three years",
        "the last eighteen months", "the past decade", "the first months of this year",
    ],
    "duration": [
        "more than two years", "over a year", "eighteen months", "nearly three years",
        "several months", "more than five years", "almost a decade", "fourteen months",
    ],
    "event": [
        "the disputed election", "the protests of [year]", "the declaration of a state of emergency",
        "the adoption of the new security law", "the military takeover", "the mass demonstrations in [place]",
        "the collapse of the ceasefire", "the constitutional amendments of [year]", "the fuel price protests",
    ],
    "year": ["2023", "2022", "2024", "2021", "2020", "2019", "2025", "2018", "2017", "2016"],
    "month": [
        "March", "October", "January", "June", "September", "November", "April", "May", "July",
        "February", "August", "December",
    ],
    "number": [
        "hundreds of", "more than a thousand", "dozens of", "several thousand", "at least 300",
        "nearly 2,000", "more than 10,000", "at least 45",
    ],
    "people_in_need": [
        "4.2 million", "3 million", "1.8 million", "600,000", "2.5 million", "7 million", "900,000", "5.4 million",
    ],
    "small_num": ["12", "seven", "23", "40", "five", "18", "31", "nine", "64", "three", "15"],
    "num": ["1,200", "850", "3,400", "420", "2,100", "900", "5,600", "1,750", "640", "12,000"],
    "un_body": [
        "the UN Special Rapporteur", "the Office of the High Commissioner for Human Rights",
        "the Human Rights Council", "the Committee against Torture", "the Working Group on Arbitrary Detention",
        "the Human Rights Committee", "the Committee on the Rights of the Child",
        "the Committee on Economic, Social and Cultural Rights", "the Special Rapporteur on human rights defenders",
    ],
    "report_source": [
        "UN investigators", "our researchers", "independent monitors", "local human rights groups",
        "survivors and their families", "the commission of inquiry", "investigative reporters",
        "open-source researchers",
    ],
}

GENERIC_ASK_SENTENCES = [
    "We urge your government to ensure that these commitments are honoured in law and in practice.",
    "Such steps would show that the government takes its human rights obligations seriously.",
    "Raise these concerns at the highest level and make clear that progress on rights will shape the relationship.",
    "Progress should be measured against clear benchmarks, reported publicly every six months.",
    "Work with like-minded governments so that the message is consistent and hard to ignore.",
    "Ensure that any agreement with the authorities includes concrete human rights commitments.",
    "Make these points in public as well as in private, so that the people affected know where you stand.",
    "Civil society groups inside the country are ready to help design and monitor these measures.",
    "Failure to act now will embolden those responsible and make future abuses more likely.",
    "Your government is well placed to lead on this, given its record and its relationships in the region.",
]

GENERIC_CONTEXT_SENTENCES = [
    "The government has so far rejected every call for an independent investigation.",
    "These violations of human rights are well documented by [report_source] and by [un_body].",
    "The authorities have responded to criticism with denials and reprisals rather than reform.",
    "Without sustained international attention, the situation is likely to deteriorate further.",
    "The rights guaranteed in the constitution are ignored in practice.",
    "Those who speak out, including the families of victims, have faced threats and surveillance.",
    "International partners have so far preferred quiet diplomacy, with little to show for it.",
]


DOMAINS: list[dict[str, Any]] = [
    # ---------------------------------------------------------------- detention
    {
        "name": "detention",
        "weight": 1.2,
        "subtopics": ["political-prisoners", "pretrial-detention", "prison-conditions", "individual-case",
                      "enforced-disappearance", "family-visits", "fair-trial"],
        "issue": ["the detention of government critics", "the imprisonment of [detainee_group]",
                  "arbitrary detention", "the treatment of political prisoners"],
        "issue_short": ["political prisoners", "arbitrary detention", "detention conditions"],
        "slots": {
            "detainee_group": [
                "political prisoners", "human rights lawyers", "student activists", "opposition politicians",
                "trade union leaders", "peaceful protesters", "journalists and bloggers", "religious leaders",
                "members of minority communities", "women's rights activists", "relatives of exiled dissidents",
                "environmental campaigners", "academics", "doctors who treated injured protesters",
                "poets and musicians", "lawyers who represented dissidents", "members of the banned opposition party",
                "community leaders from [place]", "former ministers", "conscientious objectors",
            ],
            "facility": [
                "the central prison", "military detention facilities", "unofficial detention sites",
                "police lock-ups", "the state security headquarters", "pre-trial detention centres",
                "prison colonies in [place]", "the women's prison in the capital", "re-education centres",
                "psychiatric hospitals used for detention", "the island penal colony", "labour camps",
                "the Kalden Street detention centre", "Fort Bastia",
            ],
        },
        "asks": [
            {
                "titles": ["Call for the release of [detainee_group]", "Secure the release of [detainee_group]",
                           "Press for the release of everyone detained for peaceful dissent"],
                "leads": ["Call for the immediate and unconditional release of [detainee_group] held in {{ country }}.",
                          "Press the authorities to free [detainee_group] detained solely for exercising their rights.",
                          "Make the release of [detainee_group] a condition of improved relations."],
                "body": ["Many of them have been held for [duration] on charges such as [charge], which fall far short of international standards.",
                         "Their continued detention sends a message that peaceful criticism will be punished.",
                         "Raise their cases publicly and in private meetings, and ask for a list of everyone held under the same laws.",
                         "Where release is refused, press for the charges to be reviewed by an independent court."],
            },
            {
                "titles": ["End prolonged pre-trial detention", "Limit pre-trial detention of [detainee_group]",
                           "Bring detainees promptly before a judge"],
                "leads": ["Urge the authorities to end the prolonged pre-trial detention of [detainee_group].",
                          "Insist that every detainee be brought before a judge within 48 hours of arrest.",
                          "Press for an independent review of everyone held without trial for more than six months."],
                "body": ["Some detainees have waited [duration] for a first hearing, and their detention is renewed every month without a reasoned decision.",
                         "Judges routinely extend custody at the request of prosecutors without hearing the defence.",
                         "Pre-trial detention should be the exception, used only where a court finds it necessary and proportionate.",
                         "Ask for public figures on the number of people held without trial, by facility."],
            },
            {
                "titles": ["Improve conditions of detention in [facility]", "Guarantee medical care for detainees",
                           "Allow family visits and confidential legal counsel"],
                "leads": ["Demand humane conditions for everyone held in [facility].",
                          "Press for adequate medical care for detainees with serious illnesses.",
                          "Insist that detainees see their families and lawyers regularly and in private."],
                "body": ["Former detainees describe overcrowded cells, poor food, little daylight and limited access to clean water.",
                         "Detainees with chronic illnesses have been denied medication, and at least [small_num] have died in custody since [year].",
                         "Visits by relatives are cancelled without explanation, and lawyers are made to wait days to see their clients.",
                         "Conditions of this kind breach the UN Standard Minimum Rules for the Treatment of Prisoners."],
            },
            {
                "titles": ["End incommunicado detention", "Account for the disappeared",
                           "Disclose the whereabouts of detainees held in secret"],
                "leads": ["Call on the authorities to disclose the fate and whereabouts of everyone held incommunicado.",
                          "Press for an official register of all detainees, open to families and lawyers.",
                          "Demand that unofficial detention sites be closed and those held there brought under judicial control."],
                "body": ["Families go from police station to prosecutor's office and are told nothing about where their relatives are held.",
                         "Incommunicado detention creates the conditions in which torture and enforced disappearance occur.",
                         "A central register, updated within hours of every arrest, is a simple safeguard the authorities could introduce at once.",
                         "Support the families' associations that document these cases and face harassment for doing so."],
            },
            {
                "titles": ["Secure the release of [person]", "Raise the case of [person], a [profession] from [town]"],
                "leads": ["Press for the release of [person], detained since [month] [year].",
                          "Raise the case of [person] by name with the authorities of {{ country }}."],
                "body": ["[person], a [profession] from [town], was arrested on [day] [month] [year] and charged with [charge].",
                         "The family of [person] has not been allowed to visit since the arrest.",
                         "Ask for consular or diplomatic access to the trial and to the place of detention."],
            },
        ],
        "body": ["The authorities of {{ country }} have not responded to repeated requests for information about these cases.",
                 "Arrests have increased sharply since [event].",
                 "Diplomats should ask to attend hearings and visit detainees wherever possible."],
        "items": ["Access for the International Committee of the Red Cross to all places of detention.",
                  "Prompt access to a lawyer of the detainee's choosing.",
                  "Regular family visits and correspondence.",
                  "Independent medical examinations on arrival and on release.",
                  "Publication of an official list of detainees.",
                  "Release on humanitarian grounds of elderly and seriously ill prisoners."],
        "context_titles": ["Arrests of [detainee_group] have multiplied", "The number of political prisoners has grown",
                           "Detainees held for [duration] without trial", "Deaths in custody in [facility]"],
        "context": ["Since [event], the security services have arrested [number] people, among them [detainee_group].",
                    "Local monitors count more than [num] political prisoners in {{ country }}, the highest figure on record.",
                    "Most were charged with [charge] after posting comments online or attending peaceful gatherings.",
                    "Trials are held behind closed doors, often in a single hearing, and defence lawyers are given no time to prepare.",
                    "Detainees released in [year] described beatings during interrogation and weeks in solitary confinement.",
                    "Relatives who speak to the media have themselves been summoned for questioning.",
                    "In [place], whole families have been detained to pressure relatives living abroad.",
                    "In [town], police detained [number] people after a peaceful gathering on [day] [month]."],
    },
    # ---------------------------------------------------------------- torture
    {
        "name": "torture",
        "weight": 0.9,
        "subtopics": ["torture-prevention", "survivors", "confessions", "solitary-confinement", "istanbul-protocol"],
        "issue": ["torture and ill-treatment in custody", "the use of torture by [security_unit]",
                  "the impunity of those who torture"],
        "issue_short": ["torture", "ill-treatment in custody"],
        "slots": {
            "torture_method": [
                "beatings", "electric shocks", "prolonged stress positions", "sleep deprivation", "mock executions",
                "sexual violence", "suspension by the wrists", "threats against relatives",
                "prolonged solitary confinement", "denial of food and water", "near-drowning", "burns with cigarettes",
            ],
            "security_unit": [
                "the state security service", "military intelligence", "the anti-terrorism police", "the riot police",
                "border guards", "prison guards", "the presidential guard", "the criminal investigation department",
                "the Rapid Intervention Brigade", "the coastal guard command",
            ],
        },
        "asks": [
            {
                "titles": ["Investigate allegations of torture", "Ensure prompt and impartial investigations into torture",
                           "Hold those responsible for torture to account"],
                "leads": ["Press for prompt, impartial investigations into every credible allegation of torture.",
                          "Urge the authorities to prosecute officials of [security_unit] implicated in torture.",
                          "Call for the suspension of officers under investigation for ill-treatment."],
                "body": ["Survivors describe [torture_method] and [torture_method] during interrogation by [security_unit].",
                         "Complaints lodged with prosecutors are rarely investigated, and no officer has been convicted in [duration].",
                         "Investigations must be carried out by a body independent of the unit accused, with the power to compel testimony.",
                         "Medical evidence should be gathered according to the Istanbul Protocol."],
            },
            {
                "titles": ["Ratify the Optional Protocol to the Convention against Torture",
                           "Set up an independent national preventive mechanism",
                           "Ban the use of confessions obtained under torture"],
                "leads": ["Encourage {{ country }} to ratify the Optional Protocol to the Convention against Torture.",
                          "Urge the creation of a national preventive mechanism with unannounced access to all places of detention.",
                          "Press for legislation excluding any statement obtained through torture or ill-treatment."],
                "body": ["Courts continue to admit confessions that defendants say were extracted by force.",
                         "Prevention depends on independent visits to places of detention, without notice and with private interviews.",
                         "The Subcommittee on Prevention of Torture has offered technical support that the government has not taken up.",
                         "Audio and video recording of all interrogations would protect both detainees and honest officers."],
            },
            {
                "titles": ["Support survivors of torture", "Fund rehabilitation for torture survivors",
                           "Guarantee redress for victims of torture"],
                "leads": ["Increase support for the rehabilitation of torture survivors.",
                          "Contribute to the UN Voluntary Fund for Victims of Torture.",
                          "Press for reparations, including medical and psychological care, for survivors."],
                "body": ["Survivors live with lasting physical injuries and trauma, often without access to specialised care.",
                         "Rehabilitation centres in neighbouring countries are overwhelmed and underfunded.",
                         "Redress includes acknowledgement, compensation and guarantees that the abuse will not recur.",
                         "Many survivors fear reprisals if they seek treatment or speak publicly."],
            },
            {
                "titles": ["Stop the ill-treatment of detainees by [security_unit]", "End solitary confinement as punishment"],
                "leads": ["Raise reports of ill-treatment by [security_unit] directly with senior officials.",
                          "Call for an end to prolonged solitary confinement, which can amount to torture."],
                "body": ["Detainees have been held alone for months in cells without windows.",
                         "The Special Rapporteur on torture has warned that isolation beyond fifteen days can cause lasting harm.",
                         "Guards who use violence against prisoners are transferred rather than disciplined."],
            },
        ],
        "body": ["The prohibition of torture is absolute and admits no exception, whatever the security situation.",
                 "Officials in {{ country }} continue to deny that torture occurs."],
        "items": ["Record all interrogations on video.", "Grant immediate access to a doctor of the detainee's choosing.",
                  "Suspend officers under investigation.", "Publish annual statistics on torture complaints and their outcome.",
                  "Exclude evidence obtained through coercion."],
        "context_titles": ["Torture in custody is widespread", "Survivors describe torture by [security_unit]",
                           "Confessions extracted under duress"],
        "context": ["Former detainees interviewed by [report_source] described [torture_method] in the first days after arrest.",
                    "Medical examinations documented injuries consistent with their accounts.",
                    "The Committee against Torture expressed concern in its most recent review about the absence of an independent complaints body.",
                    "Officials deny that torture occurs, even as courts convict defendants on the basis of confessions retracted at trial.",
                    "At least [small_num] people have died in the custody of [security_unit] since [year].",
                    "Lawyers who raise torture in court have faced disciplinary proceedings.",
                    "[person], a [profession] from [town], died in custody [small_num] days after arrest; the family say the body bore marks of [torture_method]."],
    },
    # ---------------------------------------------------------------- humanitarian
    {
        "name": "humanitarian",
        "weight": 1.2,
        "subtopics": ["access", "aid-funding", "aid-workers", "cross-border", "famine", "displacement"],
        "issue": ["the humanitarian crisis in {{ country }}", "obstruction of humanitarian aid",
                  "the deepening hunger crisis"],
        "issue_short": ["humanitarian access", "the humanitarian crisis", "humanitarian aid"],
        "slots": {
            "supply": ["food", "medicine", "fuel", "clean water", "shelter materials", "vaccines", "surgical supplies",
                       "infant formula", "winter clothing", "therapeutic food for malnourished children",
                       "oxygen cylinders", "dialysis filters", "insulin pens", "water purification tablets",
                       "blood bags", "anaesthetics", "tarpaulins", "hygiene kits"],
            "aid_actor": ["UN agencies", "international relief organisations", "local aid groups", "the World Food Programme",
                          "medical charities", "the Red Cross and Red Crescent movement", "women-led community organisations"],
        },
        "asks": [
            {
                "titles": ["Press for unimpeded humanitarian access to [place]", "Lift restrictions on humanitarian operations",
                           "Allow relief agencies to reach people in need"],
                "leads": ["Press the authorities to allow rapid and unimpeded humanitarian access to [place].",
                          "Urge all parties to let relief convoys through without delay.",
                          "Insist that [aid_actor] be free to assess needs and deliver assistance independently."],
                "body": ["Convoys carrying [supply] have been held at checkpoints for days while permits are checked again and again.",
                         "Travel permits for international staff are issued late or not at all.",
                         "Obstruction of relief is a violation of international humanitarian law and must carry a cost.",
                         "Access should be negotiated with every party that controls territory, not only the government."],
            },
            {
                "titles": ["Fund the humanitarian response plan", "Increase humanitarian funding for [place]",
                           "Provide flexible, multi-year humanitarian funding"],
                "leads": ["Announce a substantial contribution to the humanitarian response plan for {{ country }}.",
                          "Provide flexible funding that aid agencies can direct to the greatest needs.",
                          "Channel more funding through local organisations that can reach remote areas."],
                "body": ["The response plan is less than a third funded, and rations have already been cut.",
                         "Multi-year funding lets agencies plan and keep trained staff in place.",
                         "Local organisations receive a small share of funding despite delivering much of the aid.",
                         "Cuts now will cost more later, as malnutrition and disease spread."],
            },
            {
                "titles": ["Protect humanitarian workers", "Condemn attacks on relief personnel"],
                "leads": ["Condemn attacks on aid workers and demand that those responsible be held to account.",
                          "Press all parties to respect the protection owed to humanitarian personnel and facilities."],
                "body": ["[small_num] aid workers have been killed in {{ country }} since [year], most of them local staff.",
                         "Warehouses and clinics have been looted or shelled.",
                         "Attacks on relief personnel force agencies to suspend programmes, and the people who depend on them suffer."],
            },
            {
                "titles": ["Keep cross-border aid routes open", "Prevent starvation being used as a weapon"],
                "leads": ["Support the renewal of cross-border aid operations into [place].",
                          "Condemn the deliberate deprivation of civilians of food and other essentials."],
                "body": ["Cross-border deliveries are the only lifeline for millions in areas outside government control.",
                         "Using starvation as a method of warfare is prohibited and may amount to a war crime.",
                         "Security Council resolution 2417 asks the Secretary-General to report on conflict-induced hunger."],
            },
        ],
        "body": ["Humanitarian assistance must be delivered on the basis of need alone.",
                 "Families displaced from [town] are sheltering in schools and public buildings.",
                 "[aid_actor] report that needs are rising faster than their capacity to respond."],
        "items": ["Issue visas to international relief staff within two weeks.", "Allow convoys to travel without armed escort.",
                  "Remove import restrictions on medical supplies.", "Publish a single, simple procedure for travel permits.",
                  "Guarantee the safety of warehouses and distribution sites."],
        "context_titles": ["A humanitarian crisis made worse by obstruction", "Millions in need of assistance",
                           "Aid blocked at the front lines"],
        "context": ["UN agencies estimate that [people_in_need] people in {{ country }} need humanitarian assistance.",
                    "Food prices in [place] have risen sharply, and families are skipping meals.",
                    "Aid trucks wait at checkpoints for days, and some loads are confiscated.",
                    "Hospitals are running out of [supply] and fuel for generators.",
                    "Displacement has pushed many families into overcrowded camps with little shelter.",
                    "Relief agencies say bureaucratic impediments now cause more delays than the fighting itself.",
                    "In [town], the only hospital has been without [supply] since [month]."],
    },
    # ---------------------------------------------------------------- sanctions
    {
        "name": "sanctions",
        "weight": 1.0,
        "subtopics": ["targeted-sanctions", "humanitarian-exemptions", "sanctions-coordination", "sanctions-enforcement",
                      "banking"],
        "issue": ["the absence of consequences for those responsible", "the use of sanctions against perpetrators"],
        "issue_short": ["targeted sanctions", "sanctions"],
        "slots": {
            "sanction_target": [
                "senior security officials", "the commanders of units implicated in abuses", "prison directors",
                "judges who sentenced peaceful critics", "companies that supply surveillance technology",
                "military-owned conglomerates", "officials who ordered the crackdown",
                "the business associates of senior officials", "militia leaders",
                "officials responsible for forced returns", "the governor of [place]",
            ],
            "regime": [
                "the Global Magnitsky sanctions program", "the EU Global Human Rights Sanctions Regime",
                "the United Kingdom's global human rights sanctions", "Canada's Special Economic Measures Act",
                "the Security Council sanctions committee", "Australia's autonomous sanctions framework",
            ],
        },
        "asks": [
            {
                "titles": ["Impose targeted sanctions on [sanction_target]", "Designate [sanction_target] for sanctions"],
                "leads": ["Impose asset freezes and travel bans on [sanction_target].",
                          "Designate [sanction_target] under [regime]."],
                "body": ["Targeted measures single out those responsible without harming the wider population.",
                         "The evidence against them is documented in public reports by [report_source].",
                         "Announce designations together with partners so that assets cannot simply be moved elsewhere.",
                         "Publish the reasons for each designation so that it is understood and can be challenged fairly."],
            },
            {
                "titles": ["Coordinate sanctions with partners", "Align designations with allies"],
                "leads": ["Coordinate designations with allies to close gaps that allow evasion.",
                          "Work with partners to align sanctions lists and share evidence."],
                "body": ["Sanctions imposed by one government alone are easily evaded through third countries.",
                         "Regular consultation among sanctions authorities would help identify front companies and intermediaries.",
                         "Gaps between national lists let designated individuals keep property and bank accounts abroad."],
            },
            {
                "titles": ["Protect humanitarian work from the effects of sanctions", "Issue clear humanitarian licences"],
                "leads": ["Make sure sanctions do not obstruct humanitarian relief.",
                          "Issue general licences covering humanitarian transactions."],
                "body": ["Banks have refused transfers to relief organisations out of caution, even where the law allows them.",
                         "Clear guidance and fast licensing would restore the payment channels that aid depends on.",
                         "Security Council resolution 2664 created a standing humanitarian exemption that national regimes should mirror."],
            },
            {
                "titles": ["Enforce existing sanctions", "Close sanctions loopholes"],
                "leads": ["Investigate and penalise sanctions evasion by companies and intermediaries.",
                          "Close the loopholes that let designated officials keep their wealth abroad."],
                "body": ["Designated individuals continue to travel and do business through relatives and shell companies.",
                         "Enforcement agencies need the staff and mandate to follow the money.",
                         "Publish an annual report on enforcement actions and penalties."],
            },
        ],
        "body": ["Sanctions are a tool, not a strategy, and should be tied to clear human rights benchmarks.",
                 "[person], a businessman close to the ruling family, still holds property in [foreign_city].",
                 "Consult the families of victims and civil society before designations are announced."],
        "items": ["Freeze the assets of the individuals named in the annex.", "Refuse visas to their immediate family members.",
                  "Publish the evidentiary basis for each designation.",
                  "Consult humanitarian organisations before adopting new measures.",
                  "Review designations regularly and remove names where the grounds no longer apply."],
        "context_titles": ["Perpetrators face no consequences", "Sanctions have not kept pace with abuses"],
        "context": ["None of the officials named by UN investigators has been subject to sanctions.",
                    "Senior commanders implicated in torture and killings continue to travel abroad and hold property in European capitals.",
                    "Partners have designated [small_num] individuals, while this government has designated none.",
                    "Sanctions relief is being discussed without any conditions related to human rights.",
                    "The families of victims have asked for targeted measures against those who gave the orders.",
                    "Companies such as [company] continue to trade freely despite their links to the security services."],
    },
    # ---------------------------------------------------------------- refugees
    {
        "name": "refugees",
        "weight": 1.1,
        "subtopics": ["non-refoulement", "resettlement", "asylum", "temporary-protection", "family-reunification",
                      "immigration-detention"],
        "issue": ["the forced return of refugees to {{ country }}", "the protection of people fleeing {{ country }}",
                  "the situation of asylum seekers"],
        "issue_short": ["refugees", "forced returns", "asylum"],
        "slots": {
            "host_country_phrase": ["{{ host_country }}", "neighbouring states", "transit countries",
                                    "the countries of first asylum"],
            "refugee_group": ["refugees", "asylum seekers", "people fleeing persecution", "rejected asylum seekers",
                              "unaccompanied minors", "members of persecuted minorities",
                              "deserters and conscientious objectors", "survivors of trafficking"],
        },
        "asks": [
            {
                "titles": ["Stop forced returns to {{ country }}", "Respect the principle of non-refoulement",
                           "Halt deportations of [refugee_group]"],
                "leads": ["Press [host_country_phrase] to halt the forced return of [refugee_group] to {{ country }}.",
                          "Urge an immediate moratorium on deportations to {{ country }}."],
                "body": ["Those returned face arrest, interrogation and, in some cases, long prison sentences.",
                         "The principle of non-refoulement binds every state, whether or not it is party to the Refugee Convention.",
                         "Ask that the UN refugee agency be given access to everyone held pending deportation.",
                         "Returns carried out at night, without access to lawyers, make it impossible to claim protection."],
            },
            {
                "titles": ["Expand refugee resettlement", "Open safe and legal routes for [refugee_group]"],
                "leads": ["Increase resettlement places for [refugee_group] from {{ country }}.",
                          "Create safe and legal pathways, including humanitarian visas and family reunification."],
                "body": ["Resettlement offers a durable solution to people who cannot remain safely in the country of first asylum.",
                         "Processing times have grown to several years, leaving approved refugees stranded.",
                         "Family reunification is delayed by document requirements that refugees cannot meet."],
            },
            {
                "titles": ["Ensure fair asylum procedures", "End the detention of asylum seekers"],
                "leads": ["Guarantee every asylum seeker a fair and individual assessment of their claim.",
                          "End the routine detention of [refugee_group]."],
                "body": ["Claims are rejected on the basis of outdated country information.",
                         "Detention of asylum seekers should be a last resort, never applied to children.",
                         "Applicants need free legal advice and qualified interpreters."],
            },
            {
                "titles": ["Extend temporary protection for nationals of {{ country }}",
                           "Grant protection to nationals already abroad"],
                "leads": ["Extend temporary protection to nationals of {{ country }} who cannot safely return.",
                          "Suspend removals of nationals of {{ country }} until conditions allow safe return."],
                "body": ["Conditions in {{ country }} have not improved enough to allow safe return.",
                         "Many have lived abroad for years, work, pay taxes and have children at school.",
                         "A lapse in protection would expose them to removal at short notice."],
            },
        ],
        "body": ["Protection must not depend on how a person arrived or on their nationality.",
                 "[refugee_group] in [host_country_phrase] live in fear of arrest and removal."],
        "items": ["Suspend all removals to {{ country }}.", "Give the UN refugee agency access to detention centres.",
                  "Provide free legal aid to asylum seekers.", "Reunite separated families within six months.",
                  "Stop pushbacks at the border."],
        "context_titles": ["Refugees at risk of forced return", "Growing numbers fleeing {{ country }}"],
        "context": ["More than [people_in_need] people have fled {{ country }} since [event].",
                    "In [host_country_phrase], refugees face arbitrary arrest and pressure to return.",
                    "Border guards have pushed people back without examining their claims.",
                    "Deportees interviewed after their return described interrogation about their contacts abroad.",
                    "Smugglers charge large sums for dangerous crossings, and many people have drowned at sea.",
                    "[small_num] people from [town] drowned when their boat capsized in [month] [year]."],
    },
    # ---------------------------------------------------------------- elections
    {
        "name": "elections",
        "weight": 0.9,
        "subtopics": ["election-observation", "political-participation", "post-election-violence", "voter-registration"],
        "issue": ["the conduct of [election_type]", "the shrinking space for political competition"],
        "issue_short": ["elections", "the electoral process"],
        "slots": {
            "election_type": ["the presidential election", "the parliamentary elections", "the constitutional referendum",
                              "local elections", "the run-off vote", "the regional assembly elections"],
        },
        "asks": [
            {
                "titles": ["Support independent election observation", "Deploy observers for [election_type]"],
                "leads": ["Press the authorities to invite independent international observers to [election_type].",
                          "Fund domestic observer groups to monitor [election_type]."],
                "body": ["Observers should have access to polling stations, the counting of ballots and the tabulation of results.",
                         "Domestic monitors have been refused accreditation without explanation.",
                         "Observation must cover the whole process, from voter registration to the resolution of disputes."],
            },
            {
                "titles": ["Guarantee a free and fair campaign", "Allow opposition candidates to stand"],
                "leads": ["Call on the authorities to lift restrictions on opposition candidates and rallies.",
                          "Urge the reinstatement of candidates disqualified on political grounds."],
                "body": ["Candidates have been disqualified on technicalities, and rallies banned at short notice.",
                         "State media give the ruling party almost all of its election coverage.",
                         "Election officials should be independent of the government and the ruling party."],
            },
            {
                "titles": ["Respect the outcome of the vote", "Respond to post-election violence"],
                "leads": ["Insist that results be published for each polling station.",
                          "Condemn violence against people protesting the results."],
                "body": ["Discrepancies between the ballots cast and the results announced have not been explained.",
                         "Security forces have used live ammunition against crowds disputing the results.",
                         "An independent audit of the count would help restore confidence."],
            },
            {
                "titles": ["Protect the right to vote of displaced people", "Ensure voter registration is open to all"],
                "leads": ["Press for voter registration to reach displaced people and minorities.",
                          "Urge the electoral commission to publish the voter roll for public inspection."],
                "body": ["Displaced people and members of minorities have been left off the voter roll.",
                         "Polling stations in opposition areas were moved or closed days before the vote.",
                         "Secret ballot and equal suffrage are the foundation of a credible election."],
            },
        ],
        "body": ["The credibility of [election_type] depends on what happens in the months before polling day."],
        "items": ["Accredit domestic and international observers without delay.", "Publish results by polling station.",
                  "Release candidates and campaign staff detained since the campaign began.",
                  "Guarantee equal access to state media for all candidates."],
        "context_titles": ["Risks around [election_type]", "A flawed electoral process"],
        "context": ["With [election_type] scheduled for [month] [year], arrests of opposition activists have increased.",
                    "Past polls in {{ country }} were marred by intimidation, vote buying and ballot stuffing.",
                    "The electoral commission is appointed by the president and has rejected every complaint from the opposition.",
                    "Journalists covering the campaign have been detained and their equipment seized.",
                    "Turnout figures announced by the commission were far higher than observers recorded.",
                    "In [town], opposition observers were barred from the counting centre."],
    },
    # ---------------------------------------------------------------- press freedom
    {
        "name": "press-freedom",
        "weight": 1.0,
        "subtopics": ["journalists", "media-law", "independent-media", "safety-of-journalists", "broadcasting"],
        "issue": ["the persecution of [media_actor]", "attacks on press freedom", "the silencing of independent media"],
        "issue_short": ["press freedom", "independent media", "journalists"],
        "slots": {
            "press_story": ["corruption in the ports authority", "the fuel shortages", "the shelling of [town]",
                            "a land deal in [town]", "abuses in the army", "the cholera outbreak in [town]",
                            "the election count", "the sale of state land", "the collapse of a dam near [town]"],
            "media_actor": ["independent journalists", "local reporters", "foreign correspondents",
                            "editors of independent newspapers", "photojournalists", "community radio stations",
                            "investigative reporters", "exiled media outlets", "women journalists", "cartoonists"],
        },
        "asks": [
            {
                "titles": ["Call for the release of detained journalists", "Defend [media_actor] facing prosecution"],
                "leads": ["Call publicly for the release of all journalists detained in {{ country }} for their work.",
                          "Defend [media_actor] facing criminal charges for their reporting."],
                "body": ["At least [small_num] journalists are currently behind bars, most accused of [media_charge].",
                         "Attend their trials where possible and raise their cases by name.",
                         "Offer emergency visas to reporters at imminent risk."],
            },
            {
                "titles": ["Repeal laws that criminalise journalism", "Oppose the new media law"],
                "leads": ["Urge the repeal of criminal defamation and false news provisions.",
                          "Press the authorities to withdraw the draft media law."],
                "body": ["The law allows the authorities to suspend outlets without a court order.",
                         "Accreditation rules are used to keep critical reporters away from official events.",
                         "Defamation should be a civil matter, never punished with prison."],
            },
            {
                "titles": ["Support independent and exile media", "Fund public interest journalism"],
                "leads": ["Increase support for independent and exile media serving audiences in {{ country }}.",
                          "Fund public interest journalism and the safety training reporters need."],
                "body": ["Exile outlets reach millions of people inside the country despite blocking.",
                         "Independent broadcasters depend on small grants that can end at any time.",
                         "Support for media should include legal defence funds for reporters facing lawsuits."],
            },
            {
                "titles": ["Investigate killings of journalists", "End impunity for attacks on the press"],
                "leads": ["Press for independent investigations into the killing of journalists.",
                          "Call for prosecutions of those who attack reporters."],
                "body": ["Most killings of journalists in {{ country }} remain unsolved.",
                         "Reporters covering corruption and organised crime face the greatest danger.",
                         "Each unpunished attack encourages the next and drives journalists into self-censorship."],
            },
            {
                "titles": ["Defend the journalist [person]", "Call for the release of [person] of [outlet]"],
                "leads": ["Call for the release of [person], a reporter for [outlet].",
                          "Press for the charges against [person] of [outlet] to be dropped."],
                "body": ["[person] was arrested after reporting on [press_story] for [outlet].",
                         "The prosecution of [person] is meant to warn every other reporter in [town]."],
            },
        ],
        "body": ["A free press is essential to accountability and to public debate."],
        "items": ["Release all journalists detained for their work.", "Restore the licences of suspended outlets.",
                  "Unblock independent news websites.", "Stop the use of tax audits against media owners."],
        "context_titles": ["Journalism has become a crime", "The press is being silenced"],
        "context": ["Independent newspapers have been closed and their editors charged with [media_charge].",
                    "Journalists covering protests have been beaten by police and their cameras confiscated.",
                    "The country now ranks near the bottom of international press freedom indexes.",
                    "Several leading reporters have left the country after receiving threats.",
                    "State broadcasters present officials' statements without challenge."],
    },
    # ---------------------------------------------------------------- internet
    {
        "name": "internet",
        "weight": 0.8,
        "subtopics": ["internet-shutdowns", "surveillance", "censorship", "circumvention", "online-expression"],
        "issue": ["internet shutdowns and online censorship", "digital surveillance of activists"],
        "issue_short": ["internet freedom", "internet shutdowns", "surveillance"],
        "slots": {
            "platform": ["messaging apps", "social media platforms", "video-sharing sites", "independent news websites",
                         "virtual private networks", "encrypted email services"],
            "surveillance_tech": ["spyware", "facial recognition cameras", "deep packet inspection equipment",
                                  "phone-extraction tools", "mass interception systems", "predictive policing software"],
            "shutdown_len": ["three days", "more than a week", "forty days", "several hours each night", "two months",
                             "the whole of the campaign"],
        },
        "asks": [
            {
                "titles": ["Condemn internet shutdowns", "Oppose network disruptions during protests"],
                "leads": ["Condemn internet shutdowns in {{ country }} publicly and quickly.",
                          "Press the authorities to restore full internet access in [place]."],
                "body": ["Mobile data was cut across [place] for [shutdown_len], cutting families off from each other and from emergency services.",
                         "Shutdowns harm businesses, hospitals and schools as well as the free flow of information.",
                         "Blanket shutdowns are never a proportionate response to security concerns.",
                         "Throttling and the blocking of [platform] have become routine during protests."],
            },
            {
                "titles": ["Fund circumvention tools", "Support secure communication for activists"],
                "leads": ["Fund tools that let people get around censorship and surveillance.",
                          "Support digital security training for human rights defenders."],
                "body": ["Circumvention tools are used by millions of people when [platform] are blocked.",
                         "Funding should be flexible so that tools can adapt quickly when the authorities change tactics.",
                         "Activists need devices, training and help when their accounts are compromised."],
            },
            {
                "titles": ["Restrict exports of surveillance technology", "Stop the sale of [surveillance_tech] to security services"],
                "leads": ["Restrict the export of [surveillance_tech] to security services that target activists.",
                          "Make export licences for surveillance technology conditional on human rights safeguards."],
                "body": ["The phones of activists and lawyers have been infected with [surveillance_tech].",
                         "Companies that sell these tools should carry out human rights due diligence and disclose their customers.",
                         "Export controls on dual-use technology must take the end user's record into account."],
            },
            {
                "titles": ["Stop prosecutions for online posts", "Protect online expression"],
                "leads": ["Urge the release of people jailed for what they posted online.",
                          "Press for the repeal of cybercrime provisions used against peaceful critics."],
                "body": ["People have been sentenced to years in prison for a single post criticising officials.",
                         "Vague cybercrime offences give prosecutors wide discretion to punish dissent.",
                         "Platforms should resist government demands to remove lawful content."],
            },
        ],
        "body": ["Internet access is now essential to the exercise of many rights."],
        "items": ["Restore internet access immediately and fully.", "Unblock [platform].",
                  "Publish every order to restrict networks, with its legal basis.",
                  "Ban the export of [surveillance_tech] to the security services."],
        "context_titles": ["Internet shutdowns have become routine", "Activists under digital surveillance"],
        "context": ["The authorities have shut down the internet [small_num] times since [year], usually during protests.",
                    "During the last shutdown, hospitals could not reach patients and businesses lost millions.",
                    "Forensic analysis found [surveillance_tech] on the phones of activists and journalists.",
                    "[platform] have been blocked since [event].",
                    "A new cybercrime law allows the authorities to order content removed within hours.",
                    "The shutdown in [town] lasted [shutdown_len] and began the day after the protests."],
    },
    # ---------------------------------------------------------------- accountability
    {
        "name": "accountability",
        "weight": 1.1,
        "subtopics": ["international-justice", "icc", "universal-jurisdiction", "evidence", "reparations",
                      "transitional-justice"],
        "issue": ["impunity for grave crimes", "justice for victims of atrocity crimes", "accountability for abuses"],
        "issue_short": ["accountability", "international justice", "impunity"],
        "slots": {
            "crime": ["crimes against humanity", "war crimes", "extrajudicial executions", "enforced disappearances",
                      "sexual violence in conflict", "the massacre in [town]", "attacks on hospitals", "genocide",
                      "the killings at [town] market", "the bombing of [town]"],
            "mechanism": ["the commission of inquiry", "the independent investigative mechanism", "the fact-finding mission",
                          "the Group of Eminent Experts", "the Panel of Experts"],
        },
        "asks": [
            {
                "titles": ["Refer the situation to the International Criminal Court", "Support an ICC investigation"],
                "leads": ["Support referral of the situation in {{ country }} to the International Criminal Court.",
                          "Cooperate fully with the Office of the Prosecutor of the International Criminal Court."],
                "body": ["National courts have shown they are unwilling to try those most responsible for [crime].",
                         "Even a vetoed referral shows survivors that the world has not accepted impunity.",
                         "States parties should execute arrest warrants and share evidence with the Court."],
            },
            {
                "titles": ["Prosecute suspects under universal jurisdiction", "Strengthen war crimes units"],
                "leads": ["Investigate and prosecute suspects present on your territory.",
                          "Resource specialised war crimes units in police and prosecution services."],
                "body": ["Domestic courts can try [crime] wherever they were committed.",
                         "Structural investigations allow prosecutors to collect evidence before suspects are identified.",
                         "Witness protection and support for survivors are essential to successful trials."],
            },
            {
                "titles": ["Fund [mechanism]", "Renew the mandate of [mechanism]"],
                "leads": ["Give full political and financial support to [mechanism].",
                          "Vote to renew and strengthen the mandate of [mechanism]."],
                "body": ["[mechanism] has documented [crime] in detail and identified alleged perpetrators.",
                         "Its evidence will be the basis of future prosecutions in national and international courts.",
                         "A mandate that lapses now would waste years of investigation."],
            },
            {
                "titles": ["Preserve evidence of atrocity crimes", "Support survivors' quest for justice and reparation"],
                "leads": ["Fund the secure collection and preservation of evidence of [crime].",
                          "Press for reparations and truth-telling for the victims of [crime]."],
                "body": ["Documentation gathered by survivors and civil society is at risk of being lost.",
                         "Train documenters in standards that courts will accept, and protect them from reprisals.",
                         "Justice means more than trials: victims also seek truth, reparation and recognition."],
            },
        ],
        "body": ["Impunity for past crimes has fuelled the abuses we see today."],
        "items": ["Share relevant information and evidence with [mechanism].",
                  "Make a multi-year voluntary contribution to its budget.",
                  "Execute outstanding arrest warrants.", "Support the families of the disappeared in their search for truth."],
        "context_titles": ["Grave crimes have gone unpunished", "An inquiry documents [crime]"],
        "context": ["[mechanism] found reasonable grounds to conclude that senior officials bear responsibility for [crime] in {{ country }}.",
                    "Not one senior official has been tried for the events of [year].",
                    "Survivors have given testimony at great personal risk, and they are still waiting for justice.",
                    "Military courts have acquitted the few soldiers who were charged.",
                    "Evidence of [crime] has been destroyed, and mass graves remain unprotected."],
    },
    # ---------------------------------------------------------------- UN mechanisms
    {
        "name": "united-nations",
        "weight": 1.0,
        "subtopics": ["human-rights-council", "special-procedures", "upr", "treaty-bodies", "security-council",
                      "ohchr", "general-assembly"],
        "issue": ["the human rights situation in {{ country }}", "the response of the United Nations"],
        "issue_short": ["the UN human rights system", "UN action"],
        "slots": {
            "session": ["the next session of the Human Rights Council", "the June session", "the September session",
                        "the March session", "the Third Committee", "the annual Security Council debate"],
            "mandate": ["the Special Rapporteur on {{ country }}", "the Special Rapporteur on torture",
                        "the Working Group on Arbitrary Detention", "the Special Rapporteur on freedom of expression",
                        "the Special Rapporteur on the right to food", "the Independent Expert on minority issues",
                        "the Special Rapporteur on extreme poverty"],
        },
        "asks": [
            {
                "titles": ["Lead a strong resolution at the Human Rights Council", "Renew the mandate of [mandate]"],
                "leads": ["Table or co-sponsor a resolution on {{ country }} at [session].",
                          "Support the renewal and strengthening of the mandate of [mandate]."],
                "body": ["The resolution should renew scrutiny, ask for an oral update and an interactive dialogue.",
                         "Resolutions adopted by consensus are not worth weakening to the point of saying nothing.",
                         "Reach out early to states in the region to build a broad cross-regional core group."],
            },
            {
                "titles": ["Press for access for UN experts", "Support a country visit by [mandate]"],
                "leads": ["Press the authorities to invite [mandate] for a country visit.",
                          "Urge {{ country }} to extend a standing invitation to all special procedures."],
                "body": ["Requests for visits have gone unanswered for [duration].",
                         "A visit should include unhindered access to places of detention and confidential interviews.",
                         "Until access is granted, support the mandate's work from neighbouring countries."],
            },
            {
                "titles": ["Use the Universal Periodic Review", "Follow up treaty body recommendations"],
                "leads": ["Make specific, measurable recommendations to {{ country }} in its Universal Periodic Review.",
                          "Press the authorities to implement the recommendations of [un_body]."],
                "body": ["The government accepted most recommendations at its last review but has implemented few.",
                         "Recommendations are most useful when they name the law to be changed and a date.",
                         "Reports to treaty bodies are years overdue."],
            },
            {
                "titles": ["Bring the situation before the Security Council", "Support an OHCHR presence in the region"],
                "leads": ["Ask for a formal Security Council briefing on human rights in {{ country }}.",
                          "Support a field-based presence of the UN Human Rights Office."],
                "body": ["Systematic abuses are a threat to international peace and security.",
                         "The High Commissioner should be invited to brief members at least once a year.",
                         "A field office would allow continuous monitoring and the preservation of information."],
            },
        ],
        "body": ["The United Nations human rights system has tools that are not yet being used."],
        "items": ["Co-sponsor the resolution.", "Speak in the interactive dialogue.",
                  "Fund the regular budget of the human rights pillar.", "Oppose attempts to cut the mandate's resources."],
        "context_titles": ["UN experts have sounded the alarm", "The UN has documented the abuses"],
        "context": ["In its most recent report, [un_body] described a steady deterioration in {{ country }}.",
                    "The government has refused to cooperate with [mandate] since the mandate was created.",
                    "Reprisals against people who cooperate with the United Nations have been documented by the Secretary-General.",
                    "Member states remain divided, and several have blocked discussion in the Security Council."],
    },
    # ---------------------------------------------------------------- labour
    {
        "name": "labour",
        "weight": 1.1,
        "subtopics": ["migrant-workers", "forced-labour", "trade-unions", "supply-chains", "workplace-safety",
                      "wage-theft"],
        "issue": ["the exploitation of [worker_group]", "forced labour in supply chains", "attacks on trade unions"],
        "issue_short": ["labour rights", "workers' rights", "forced labour"],
        "slots": {
            "worker_group": ["migrant workers", "domestic workers", "garment workers", "construction workers",
                             "farm labourers", "factory workers", "miners", "delivery riders", "fishing crews",
                             "cotton pickers", "sugar cane cutters", "cleaners on government contracts"],
            "sector": ["the garment sector", "construction", "agriculture", "the fishing industry", "mining",
                       "cotton production", "electronics assembly", "the palm oil sector", "cocoa farming",
                       "the solar panel supply chain", "tobacco farming", "shrimp processing", "quarrying",
                       "vanilla curing", "cobalt mining", "tea estates"],
        },
        "asks": [
            {
                "titles": ["Protect [worker_group] from exploitation", "End wage theft against [worker_group]"],
                "leads": ["Press the authorities to protect [worker_group] from abuse and wage theft.",
                          "Insist that unpaid wages owed to [worker_group] be paid in full."],
                "body": ["Workers who complain about unpaid wages risk dismissal by their employer and the loss of their residence permit.",
                         "Many [worker_group] work twelve-hour days, seven days a week, for less than the minimum wage.",
                         "Labour inspectors rarely visit, and an employer found in breach faces only a small fine.",
                         "Wages should be paid into bank accounts so that payment can be checked."],
            },
            {
                "titles": ["Abolish the sponsorship system", "Let workers change jobs freely"],
                "leads": ["Urge the abolition of rules that tie migrant workers to a single sponsor.",
                          "Press for the right of every worker to change jobs without permission."],
                "body": ["Many workers cannot change employer or leave the country without permission.",
                         "Recruitment fees should be paid by the employer, never by the worker.",
                         "Confiscated identity documents leave workers unable to escape abusive conditions.",
                         "Domestic workers, excluded from the labour law, are the most exposed."],
            },
            {
                "titles": ["Eliminate forced labour from supply chains", "Ban imports made with forced labour"],
                "leads": ["Require companies to identify and end forced labour in their supply chains in [sector].",
                          "Ban the import of goods made wholly or in part with forced labour."],
                "body": ["Researchers have traced forced labour in [sector] to goods sold by major brands.",
                         "Mandatory human rights due diligence should apply to every company above a modest size.",
                         "Audits announced in advance rarely uncover abuse; workers must be able to speak safely."],
            },
            {
                "titles": ["Defend the right to organise", "Stop the persecution of trade unionists"],
                "leads": ["Call for the release of trade union leaders detained for organising workers.",
                          "Press for the recognition of independent trade unions."],
                "body": ["Independent unions have been dissolved and their leaders prosecuted.",
                         "Workers who joined strikes in [place] were dismissed by their employer and blacklisted.",
                         "Freedom of association is a core labour standard that {{ country }} has ratified."],
            },
            {
                "titles": ["Make workplaces safe", "Investigate deadly workplace accidents"],
                "leads": ["Press for independent investigations into the deaths of [worker_group].",
                          "Urge binding safety standards and unannounced inspections in [sector]."],
                "body": ["At least [small_num] workers died in [year] in accidents that inspectors had warned about.",
                         "Heat stress kills outdoor workers every summer, yet work continues through the hottest hours.",
                         "Compensation to families is delayed for years, and the employer rarely faces charges."],
            },
        ],
        "body": ["The employer's duty of care does not end at the factory gate or the border."],
        "items": ["Pay all outstanding wages within thirty days.", "Return confiscated identity documents.",
                  "Reimburse recruitment fees paid by workers.", "Allow independent unions to register.",
                  "Publish the names of suppliers in [sector]."],
        "context_titles": ["Workers face exploitation in [sector]", "Forced labour in [sector]"],
        "context": ["[worker_group] in {{ country }} describe long hours, withheld wages and threats of deportation.",
                    "Researchers found evidence of forced labour at [small_num] sites in [sector].",
                    "The labour ministry employs too few inspectors to visit more than a fraction of workplaces.",
                    "Complaints to the labour courts take years, and most workers give up and go home.",
                    "An employer may report a worker who leaves as absconding, which leads to arrest and deportation.",
                    "At the [town] plant of [company], workers say their wages were withheld for [small_num] months."],
    },
    # ---------------------------------------------------------------- climate
    {
        "name": "climate",
        "weight": 0.9,
        "subtopics": ["climate-finance", "loss-and-damage", "environmental-defenders", "pollution", "just-transition"],
        "issue": ["the human cost of the climate crisis", "pollution and the right to a healthy environment",
                  "attacks on environmental defenders"],
        "issue_short": ["climate justice", "environmental rights"],
        "slots": {
            "climate_harm": ["drought", "flooding", "sea-level rise", "heatwaves", "crop failure", "coastal erosion",
                             "glacier melt", "saltwater intrusion"],
            "polluter": ["the oil refinery", "coal-fired power plants", "the smelter", "gold mines upstream",
                         "the cement works", "industrial fishing fleets", "the tannery district", "the [town] smelter",
                         "the fertiliser plant at [town]", "[company]"],
        },
        "asks": [
            {
                "titles": ["Fund adaptation for communities hit by [climate_harm]", "Deliver on climate finance pledges"],
                "leads": ["Increase grant-based finance for communities facing [climate_harm].",
                          "Meet the climate finance commitments already made, in grants rather than loans."],
                "body": ["Communities in [place] have lost harvests to [climate_harm] three years in a row.",
                         "Finance should reach local organisations, not only national ministries.",
                         "Adaptation plans must be designed with the people who will live with them."],
            },
            {
                "titles": ["Support the loss and damage fund", "Protect people displaced by [climate_harm]"],
                "leads": ["Make a substantial contribution to the fund for loss and damage.",
                          "Recognise and protect people displaced by [climate_harm]."],
                "body": ["Families who lose their homes to [climate_harm] receive little or no support.",
                         "Planned relocation must respect the rights of those moved and be based on consent.",
                         "The fund should be easy for affected communities to access directly."],
            },
            {
                "titles": ["Protect environmental defenders", "Investigate attacks on land and environmental activists"],
                "leads": ["Condemn the killing and criminalisation of environmental defenders.",
                          "Press for investigations into threats against activists opposing [polluter]."],
                "body": ["Activists who oppose [polluter] have been threatened, arrested and in some cases killed.",
                         "Ratifying the Escazu Agreement would strengthen protection in the region.",
                         "Companies should not use lawsuits to silence community critics."],
            },
            {
                "titles": ["Hold polluters to account", "Stop pollution from [polluter]"],
                "leads": ["Require an independent environmental audit of [polluter].",
                          "Press the authorities to enforce pollution limits and compensate affected families."],
                "body": ["Residents living near [polluter] report respiratory illness and contaminated wells.",
                         "Environmental impact assessments were approved without consulting affected communities.",
                         "The right to a clean, healthy and sustainable environment is now recognised by the General Assembly."],
            },
        ],
        "body": ["Those who did least to cause the climate crisis are paying the highest price."],
        "items": ["Publish air and water quality data.", "Consult affected communities before approving projects.",
                  "Compensate families who lost homes or livelihoods.", "Protect activists who report pollution."],
        "context_titles": ["Communities on the front line of [climate_harm]", "Pollution is making people sick"],
        "context": ["Years of [climate_harm] have destroyed crops and homes across [place].",
                    "Residents near [polluter] say their complaints have been ignored for years.",
                    "Environmental activists have been charged with obstructing development projects.",
                    "Temperatures in summer now exceed levels at which outdoor work is safe."],
    },
    # ---------------------------------------------------------------- land
    {
        "name": "land",
        "weight": 0.8,
        "subtopics": ["forced-evictions", "indigenous-peoples", "land-grabs", "housing", "consent"],
        "issue": ["forced evictions", "the seizure of land from [land_group]", "the rights of indigenous peoples"],
        "issue_short": ["land rights", "forced evictions"],
        "slots": {
            "land_group": ["indigenous communities", "smallholder farmers", "pastoralist families", "informal settlers",
                           "fishing villages", "forest communities", "residents of the old quarter"],
            "project": ["a hydroelectric dam", "a sugar plantation", "a special economic zone", "an open-pit mine",
                        "a new highway", "a tourism resort", "a military base", "a carbon offset project"],
        },
        "asks": [
            {
                "titles": ["Stop forced evictions in [place]", "Halt evictions for [project]"],
                "leads": ["Press the authorities to halt forced evictions of [land_group] in [place].",
                          "Urge a moratorium on evictions for [project] until affected families are consulted."],
                "body": ["Bulldozers arrived without warning, and families had minutes to collect their belongings.",
                         "Evicted families were offered no alternative housing and little or no compensation.",
                         "Evictions must follow due process, with genuine consultation and adequate notice."],
            },
            {
                "titles": ["Respect free, prior and informed consent", "Recognise the land rights of [land_group]"],
                "leads": ["Insist on the free, prior and informed consent of [land_group] before [project] proceeds.",
                          "Press for legal recognition of the customary land of [land_group]."],
                "body": ["Customary owners have farmed this land for generations but hold no formal title.",
                         "Consultation meetings were held after the concession had already been granted.",
                         "Investors and lenders should suspend funding until consent is obtained."],
            },
            {
                "titles": ["Investigate land grabs linked to officials", "Review concessions granted without consent"],
                "leads": ["Support an independent review of land concessions granted since [year].",
                          "Call for investigations into officials who profited from the seizure of land."],
                "body": ["Large concessions were granted to companies owned by relatives of senior officials.",
                         "Community members who protested were arrested on charges of trespass on their own land.",
                         "Concession maps are secret, so affected villages learn of them only when clearing starts."],
            },
        ],
        "body": ["Secure land tenure is the basis of food, housing and livelihood for [land_group]."],
        "items": ["Publish all land concession contracts.", "Return land taken without consent.",
                  "Pay fair compensation for losses.", "Provide adequate alternative housing before any eviction."],
        "context_titles": ["Families evicted to make way for [project]", "Land seized from [land_group]"],
        "context": ["More than [num] families have been evicted in [place] to make way for [project].",
                    "Residents who refused to leave were beaten and their homes demolished.",
                    "Compensation offered was a fraction of the value of the land and crops lost.",
                    "[land_group] have no access to courts that could protect their customary rights.",
                    "[person], a community leader from [town], was arrested after leading a protest against [project]."],
    },
    # ---------------------------------------------------------------- health
    {
        "name": "health",
        "weight": 0.9,
        "subtopics": ["right-to-health", "attacks-on-health-care", "medicines", "disease-outbreaks", "mental-health"],
        "issue": ["attacks on health care", "the collapse of the health system", "access to essential medicines"],
        "issue_short": ["the right to health", "health care"],
        "slots": {
            "disease": ["measles", "tuberculosis", "malaria", "HIV", "dengue", "hepatitis", "cholera", "diphtheria",
                        "typhoid", "leishmaniasis"],
            "health_worker": ["doctors", "nurses", "paramedics", "pharmacists", "community health workers", "surgeons"],
        },
        "asks": [
            {
                "titles": ["Protect health workers and facilities", "Condemn attacks on hospitals"],
                "leads": ["Condemn attacks on hospitals, ambulances and [health_worker], and demand accountability.",
                          "Press all parties to respect the protected status of medical facilities."],
                "body": ["[health_worker] have been arrested for treating injured protesters.",
                         "Hospitals in [place] have been shelled repeatedly, and some have closed.",
                         "Security Council resolution 2286 condemns attacks on medical care in conflict."],
            },
            {
                "titles": ["Fund an emergency response to [disease]", "Support vaccination campaigns"],
                "leads": ["Fund an urgent response to the [disease] outbreak in [place].",
                          "Support vaccination campaigns that reach children in conflict-affected areas."],
                "body": ["Cases of [disease] have risen sharply since clinics closed in [place].",
                         "Vaccination rates have fallen below the level needed to prevent outbreaks.",
                         "Health workers need safe access to every community, including those outside government control."],
            },
            {
                "titles": ["Ensure access to essential medicines", "Remove barriers to medical supplies"],
                "leads": ["Press for the removal of import barriers on essential medicines.",
                          "Support local production and procurement of essential medicines."],
                "body": ["Shortages of insulin, antibiotics and cancer drugs have left patients without treatment.",
                         "Prices have risen beyond what most families can pay.",
                         "The right to health includes access to affordable essential medicines."],
            },
        ],
        "body": ["A functioning health system is a condition for every other recovery effort."],
        "items": ["Guarantee safe passage for ambulances.", "Release detained [health_worker].",
                  "Fund primary health care in [place].", "Publish data on [disease] cases."],
        "context_titles": ["A health system under attack", "Outbreaks of [disease] spread"],
        "context": ["The health system in {{ country }} is close to collapse after years of underfunding and attacks.",
                    "Only a third of hospitals in [place] are fully functional.",
                    "Outbreaks of [disease] have returned to areas where the disease had been controlled.",
                    "[health_worker] have left the country in large numbers after threats and unpaid salaries.",
                    "The hospital in [town] was struck [small_num] times in [year]."],
    },
    # ---------------------------------------------------------------- children
    {
        "name": "children",
        "weight": 0.8,
        "subtopics": ["child-soldiers", "education", "child-labour", "children-in-detention", "child-protection"],
        "issue": ["grave violations against children", "the recruitment of children", "children's right to education"],
        "issue_short": ["children's rights", "child protection"],
        "slots": {
            "child_harm": ["recruitment by armed groups", "child labour", "detention of children",
                           "attacks on schools", "early marriage", "trafficking of children", "abduction"],
        },
        "asks": [
            {
                "titles": ["End the recruitment of children by armed groups", "Support the release of child soldiers"],
                "leads": ["Press all parties to end the recruitment and use of children.",
                          "Fund programmes that reintegrate children released from armed groups."],
                "body": ["The Secretary-General's annual report lists parties that recruit and use children.",
                         "Children released from armed groups need schooling, family tracing and psychosocial care.",
                         "Children should be treated primarily as victims, not prosecuted for association with armed groups."],
            },
            {
                "titles": ["Protect schools from attack", "Keep children in school"],
                "leads": ["Condemn attacks on schools and the military use of school buildings.",
                          "Fund education for children displaced by the conflict."],
                "body": ["More than [num] schools have been damaged or occupied by armed forces.",
                         "Girls are the first to drop out when schools close or become unsafe.",
                         "Education in emergencies receives a tiny share of humanitarian funding."],
            },
            {
                "titles": ["End the detention of children", "Protect children from [child_harm]"],
                "leads": ["Press for the release of children held in military or immigration detention.",
                          "Urge stronger protection of children from [child_harm]."],
                "body": ["Children as young as twelve have been detained alongside adults.",
                         "Detention is never in the best interests of a child.",
                         "Child protection services lack staff and funding, especially outside the capital."],
            },
        ],
        "body": ["Every decision should be guided by the best interests of the child."],
        "items": ["Release all children from detention.", "Sign the action plan with the UN to end child recruitment.",
                  "Fund child protection case workers.", "Criminalise the recruitment of children under eighteen."],
        "context_titles": ["Children bear the brunt of the conflict", "Grave violations against children"],
        "context": ["The UN verified more than [num] grave violations against children in {{ country }} last year.",
                    "Cases of [child_harm] have increased sharply in [place].",
                    "Children make up half of those displaced by the fighting.",
                    "Families report that children have been taken from their villages by armed men.",
                    "Schools in [town] have been closed since [month] [year]."],
    },
    # ---------------------------------------------------------------- civil society / defenders
    {
        "name": "civil-society",
        "weight": 1.0,
        "subtopics": ["human-rights-defenders", "ngo-laws", "freedom-of-assembly", "reprisals", "protest"],
        "issue": ["the crackdown on civil society", "attacks on human rights defenders", "restrictions on peaceful protest"],
        "issue_short": ["civic space", "human rights defenders", "freedom of assembly"],
        "slots": {
            "defender_group": ["human rights defenders", "women human rights defenders", "lawyers", "student leaders",
                               "LGBT activists", "indigenous leaders", "anti-corruption campaigners",
                               "members of the families' association"],
        },
        "asks": [
            {
                "titles": ["Protect human rights defenders", "Stand with [defender_group] at risk"],
                "leads": ["Publicly support [defender_group] who face threats and prosecution.",
                          "Provide emergency assistance and visas to [defender_group] at imminent risk."],
                "body": ["Embassies should meet defenders regularly, attend their trials and speak out when they are arrested.",
                         "The EU Guidelines on Human Rights Defenders set out practical steps that missions can take.",
                         "Temporary relocation can save lives when the threat is immediate."],
            },
            {
                "titles": ["Oppose the foreign agents law", "Defend the right to receive funding"],
                "leads": ["Urge the authorities to withdraw the law on foreign funding of organisations.",
                          "Press for the repeal of registration rules that allow organisations to be dissolved at will."],
                "body": ["The law requires any group receiving funds from abroad to register as a foreign agent.",
                         "Dozens of organisations have already closed rather than accept the label.",
                         "The right to seek and receive resources is part of freedom of association."],
            },
            {
                "titles": ["Respect the right to peaceful assembly", "Condemn the violent dispersal of protests"],
                "leads": ["Condemn the use of excessive force against peaceful protesters.",
                          "Press for an independent investigation into the policing of the protests in [place]."],
                "body": ["Police fired tear gas and rubber bullets into crowds of peaceful demonstrators.",
                         "Organisers have been charged with holding unauthorised gatherings.",
                         "Protest should be facilitated, not treated as a threat to public order."],
            },
            {
                "titles": ["Stand with [person]", "Call for charges against [person] to be dropped"],
                "leads": ["Publicly support [person], a [profession] and activist from [town] facing prosecution.",
                          "Call for the charges against [person] to be dropped."],
                "body": ["[person] has been charged with [charge] for organising a peaceful sit-in in [town].",
                         "Diplomats should attend the hearings in the case of [person]."],
            },
        ],
        "body": ["An independent civil society is a partner in any lasting reform."],
        "items": ["Drop charges against [defender_group].", "Allow registered organisations to operate freely.",
                  "Lift travel bans imposed on activists.", "Investigate threats against defenders."],
        "context_titles": ["Civic space is closing", "Defenders under attack"],
        "context": ["Over [period], the authorities have adopted laws that criminalise foreign funding of organisations.",
                    "[defender_group] have been followed, threatened and banned from travel.",
                    "Peaceful protests in [place] were broken up with tear gas and mass arrests.",
                    "Many activists have gone into exile, and those who remain work under constant surveillance."],
    },
    # ---------------------------------------------------------------- death penalty
    {
        "name": "death-penalty",
        "weight": 0.5,
        "subtopics": ["moratorium", "fair-trial", "executions"],
        "issue": ["the use of the death penalty", "the surge in executions"],
        "issue_short": ["the death penalty", "executions"],
        "slots": {
            "capital_offence": ["drug offences", "adultery", "apostasy", "blasphemy", "murder", "armed robbery",
                                "economic crimes", "participation in protests"],
        },
        "asks": [
            {
                "titles": ["Call for a moratorium on executions", "Urge commutation of death sentences"],
                "leads": ["Urge the authorities to establish an official moratorium on executions.",
                          "Press for the commutation of all death sentences to terms of imprisonment."],
                "body": ["Executions have risen sharply, with at least [small_num] carried out in [year].",
                         "Many of those executed were convicted of [capital_offence] after unfair trials.",
                         "The General Assembly has repeatedly called on states to establish a moratorium."],
            },
            {
                "titles": ["Stop executions for [capital_offence]", "Guarantee fair trials in capital cases"],
                "leads": ["Press for the abolition of the death penalty for [capital_offence].",
                          "Insist on fair trial guarantees in every case that can lead to a death sentence."],
                "body": ["International law restricts the death penalty to the most serious crimes, involving intentional killing.",
                         "Defendants were denied lawyers and convicted on the basis of confessions.",
                         "Families are often informed only after the execution has been carried out."],
            },
        ],
        "body": ["The death penalty is irreversible, and every trial system makes mistakes."],
        "items": ["Establish an official moratorium on executions.", "Publish data on death sentences and executions.",
                  "Give families notice and access before any execution."],
        "context_titles": ["A surge in executions", "Death sentences after unfair trials"],
        "context": ["At least [small_num] people were executed in {{ country }} in [year], most for [capital_offence].",
                    "Executions are carried out in secret, and bodies are not returned to families.",
                    "Protesters have been sentenced to death after trials lasting less than an hour.",
                    "[person] was sentenced to death in [year] for [capital_offence] after a trial in [town]."],
    },
    # ---------------------------------------------------------------- arms
    {
        "name": "arms-transfers",
        "weight": 0.5,
        "subtopics": ["arms-exports", "arms-trade-treaty", "end-use-monitoring"],
        "issue": ["arms transfers to forces implicated in abuses", "the export of weapons used against civilians"],
        "issue_short": ["arms transfers", "arms exports"],
        "slots": {
            "weapon": ["small arms", "armoured vehicles", "attack helicopters", "ammunition", "surveillance drones",
                       "guided munitions", "patrol boats", "spare parts for fighter aircraft"],
        },
        "asks": [
            {
                "titles": ["Suspend arms transfers", "Halt the sale of [weapon]"],
                "leads": ["Suspend all transfers of [weapon] that could be used to commit serious violations.",
                          "Halt pending export licences for [weapon] destined for the security forces."],
                "body": ["Fragments of [weapon] made abroad have been identified at the sites of attacks on civilians.",
                         "The Arms Trade Treaty prohibits transfers where there is a clear risk of serious violations.",
                         "Export decisions should be reviewed by parliament and explained publicly."],
            },
            {
                "titles": ["Strengthen end-use monitoring", "Publish arms export data"],
                "leads": ["Strengthen end-use controls on weapons already delivered.",
                          "Publish full and timely data on arms export licences and deliveries."],
                "body": ["Weapons delivered to the army have been diverted to militias.",
                         "Post-shipment inspections are rare and announced in advance.",
                         "Transparency allows parliament and the public to scrutinise risky transfers."],
            },
        ],
        "body": ["Arms transfers signal political support as well as military capability."],
        "items": ["Suspend licences for [weapon].", "Carry out post-shipment inspections.",
                  "Report annually to the Arms Trade Treaty secretariat."],
        "context_titles": ["Weapons supplied abroad used against civilians", "Arms keep flowing despite abuses"],
        "context": ["Investigators have traced [weapon] used in attacks on markets and schools to foreign suppliers.",
                    "Export licences worth millions were approved in [year] despite documented violations.",
                    "The security forces receiving these weapons have a long record of abuses."],
    },
]

# Media charges live outside the domain dict to keep press text varied.
GLOBAL_SLOTS["charge"] = [
        "spreading false news", "undermining national unity", "membership of a terrorist organisation",
        "insulting the head of state", "organising an unauthorised gathering", "receiving foreign funding",
        "inciting hatred", "treason", "disturbing public order", "espionage", "blasphemy",
    ]
GLOBAL_SLOTS["media_charge"] = [
    "spreading false news", "extremism", "tax evasion", "defamation of officials", "working for foreign media",
    "undermining the economy", "publishing state secrets",
]

AUDIENCES = ["us-executive", "us-congress", "un", "eu", "foreign-government"]
CUSTOM_AUDIENCES = ["donors", "companies", "african-union", "national-parliament", "investors"]

ASK_VARIANT_PREFIX = {
    "us-executive": "Direct the relevant agencies to ",
    "us-congress": "Press the administration to ",
    "un": "We respectfully urge you to ",
    "eu": "Ask the High Representative and member states to ",
    "foreign-government": "We urge your Government to ",
    "donors": "Use your funding to ",
    "companies": "Use your leverage with suppliers to ",
}
ASK_VARIANT_BODY = {
    "us-congress": "Use oversight hearings and appropriations to make sure this happens, and ask for a report within ninety days.",
    "un": "We would be grateful if you would raise this with the authorities of {{ country }} and in your public reporting.",
    "eu": "The Union should speak with one voice, in the Council conclusions and in its bilateral dialogue.",
    "foreign-government": "Your Government's influence in the region gives these steps particular weight.",
    "us-executive": "Interagency coordination will be needed so that diplomatic, economic and security policy point in the same direction.",
}
TEXT_VARIANT_SUFFIX = {
    "us-executive": "We urge the administration to act on this without delay.",
    "us-congress": "Congress has the tools to change this, through oversight, legislation and appropriations.",
    "un": "We would be grateful for your engagement on this matter.",
    "eu": "The European Union and its member states are well placed to respond.",
    "foreign-government": "We would welcome your Government's response.",
}
VARIANT_NOTES = {"us-congress": "Congress acts through oversight, not direct diplomacy.",
                 "un": "UN register: more formal.", "eu": "EU wording follows Council conclusions.",
                 "foreign-government": "Softer wording for a foreign government.",
                 "us-executive": "Names the executive's own tools.", "donors": "For donor roundtables.",
                 "companies": "For letters to companies in the supply chain."}

OPENING_TITLES = ["Opening for a letter from one organisation on [issue_short]",
                  "Opening for a coalition letter on [issue_short]",
                  "Opening that follows up an earlier letter on [issue_short]",
                  "Opening ahead of a meeting on [issue_short]",
                  "Opening for an urgent appeal on [issue_short]"]
OPENING_TEXTS = [
    "On behalf of {{ organization }}, I write to draw your attention to [issue], which has worsened markedly over [period].",
    "We, the undersigned organisations, write to express our deep concern about [issue] and to ask for your urgent attention.",
    "We write further to our letter of {{ previous_date }} regarding [issue]. Since then, the situation has not improved.",
    "As you prepare for {{ event }}, we write to ask that [issue] be given a prominent place on the agenda.",
    "We are writing to you urgently about [issue]. Recent developments call for an immediate response.",
    "Thank you for your continued attention to human rights in {{ country }}. We write today about [issue].",
]
CLOSING_TITLES = ["Closing with thanks, on [issue_short]", "Closing that asks for a response", "Closing that offers a briefing",
                  "Closing that returns to the people affected"]
CLOSING_TEXTS = [
    "Thank you for your attention to [issue]. We look forward to your response.",
    "We would welcome the opportunity to brief you or your staff on [issue] at your convenience.",
    "The people affected by [issue] are watching what their friends abroad do next. Your leadership can make a difference.",
    "We remain at your disposal to provide further information on [issue] and thank you for considering these recommendations.",
    "We would be grateful for a reply to {{ contact_email }}, which we will share with all signatories.",
]
ASKS_INTRO = [("Introduction to the list of asks", "In light of the above, we respectfully urge you to:"),
              ("Introduction to recommendations", "We therefore recommend that your Government:"),
              ("Introduction to asks for Congress", "We urge Members of Congress to:"),
              ("Introduction to asks for UN experts", "We respectfully call on you to:"),
              ("Introduction to asks on [issue_short]", "To address [issue], we ask you to:")]
SIGN_OFFS = [("Complimentary close for most letters", "Sincerely,"), ("Formal close", "Respectfully yours,"),
             ("Close for UN letters", "Please accept the assurances of our highest consideration."),
             ("Close for coalition letters", "With our thanks and best regards,")]
SIGNATURE_NOTES = [("Affiliations for identification only", "Affiliations are listed for identification purposes only."),
                   ("Signatories in alphabetical order", "Signatories are listed in alphabetical order."),
                   ("Further signatories online", "A full list of signatories is available on request.")]
OTHER_TITLES = ["Background note on [issue_short]", "Note on sources for [issue_short]", "Annex: summary of findings on [issue_short]",
                "Postscript on [issue_short]"]
OTHER_LEADINS = ["This note summarises the evidence available on [issue].", "Sources for the figures above are listed here.",
                 "For background, we set out the main facts on [issue]."]

VETTERS = ["Policy Committee", "Legal Review Group", "Advocacy Director", "Programme Committee", "Board Working Group",
           "Geneva Team"]
DRAFT_NOTES = ["Check figures against the latest UN report before vetting.", "Needs legal review of the wording on sanctions.",
               "Awaiting comments from the regional team.", "Possible overlap with an existing clause; merge or keep both?",
               "Tone may be too strong for a first letter.", "Harvested from a past letter; names still to be replaced."]
RETIRED_REASONS = ["Out of date; the law it refers to has been repealed.", "Superseded by a newer clause with stronger wording.",
                   "Our policy position has changed.", "Figures are no longer accurate.",
                   "Written for a specific campaign that has ended.", "Wording judged too broad by the Legal Review Group."]
SENDERS = ["Forum for Rights and Accountability", "Coalition for Justice", "Open Borders Legal Aid", "Workers' Solidarity Network",
           "Press Freedom Watch", "Relief Access Alliance"]

VAR_SPECS: dict[str, tuple[str, str]] = {
    "country": ("The country the letter is about", "Eastland"),
    "host_country": ("The country where refugees are at risk of being sent back", "Northland"),
    "organization": ("The sending organisation's full name", "the Forum for Rights and Accountability"),
    "previous_date": ("The date of the earlier letter, as written in prose", "4 March 2026"),
    "event": ("The upcoming meeting, summit or session", "next month's ministerial meeting"),
    "contact_email": ("Where replies should be sent", "advocacy@example.org"),
    "detained_since": ("When the person was detained", "January 2025"),
    "months": ("How many months, in words", "fourteen"),
}

# ----------------------------------------------------------------------------------------
# Planted clauses: hand-written, at fixed ids, with words that natural clauses never use.
# ----------------------------------------------------------------------------------------

PLANTED_ONLY_WORDS = [
    "vasko", "lagoon", "cartograph", "geoloc", "desalin", "sham", "exhum", "blindfold", "indelible", "newsprint",
    "kiln", "midwi", "mangrove", "delist", "stateless", "exams", "juvenile", "ombudsman", "paratrooper", "zeppelin",
    "heirloom", "dormitor",
]

_V = {"vetted_by": "Policy Committee", "vetted_on": "2026-03-02"}

PLANTED: list[dict[str, Any]] = [
    {"file": "detention", "id": "ask.release-oren-vasko", "kind": "ask",
     "title": "Secure the release of the blogger Oren Vasko",
     "lead": "Press for the immediate release of Oren Vasko, held without charge since {{ detained_since }}.",
     "body": "Oren Vasko ran a small news channel that reported on land seizures in the river districts. He was "
             "detained at his home at night and has been denied visits by his lawyer. Raise his case by name in "
             "every meeting with the authorities of {{ country }}.",
     "topics": ["detention", "press-freedom", "individual-case"], "audiences": ["us-executive", "eu"],
     "status": "vetted", **_V},
    {"file": "detention", "id": "context.oren-vasko-case", "kind": "context",
     "title": "The case of Oren Vasko",
     "text": "Oren Vasko, a blogger from the river districts, has spent {{ months }} months in pre-trial detention. "
             "Prosecutors have twice asked the court for more time, and his family has not been allowed to see him.",
     "topics": ["detention", "individual-case"], "audiences": ["us-congress"], "status": "draft",
     "notes": "Confirm the number of months with the family before use."},
    {"file": "labour", "id": "ask.employer-passport-confiscation", "kind": "ask",
     "title": "Stop employer confiscation of workers' passports",
     "lead": "Require every employer to return confiscated passports to workers within seven days.",
     "body": "Labour inspectors should treat an employer who withholds identity documents as committing an offence, "
             "not a paperwork lapse. Fines should rise with each worker affected, and an employer who does it again "
             "should lose the right to recruit abroad.",
     "topics": ["labour", "migrant-workers"], "status": "vetted", **_V},
    {"file": "labour", "id": "context.employer-sponsorship-tie", "kind": "context",
     "title": "Sponsorship ties each worker to one employer",
     "text": "Under the sponsorship rules in {{ country }}, a migrant worker needs the employer's written consent to "
             "change employer, renew a residence permit or leave the country. The employer holds all the power, and a "
             "worker who complains can be reported as absconding.",
     "topics": ["labour", "migrant-workers"], "status": "vetted", **_V},
    {"file": "labour", "id": "ask.protect-workers-voting-pressure", "kind": "ask",
     "title": "Protect workers from pressure on how they vote",
     "lead": "Make it an offence to make a job depend on how someone votes.",
     "body": "In the last campaign, staff at state-owned companies were told to photograph their marked ballot paper "
             "and send the picture to a manager. No employer, public or private, should be able to demand proof of a "
             "vote or threaten dismissal over it.",
     "topics": ["labour", "elections"], "status": "vetted", **_V},
    {"file": "humanitarian", "id": "ask.reporters-reach-conflict-areas", "kind": "ask",
     "title": "Let reporters reach conflict areas",
     "lead": "Press the military to let the press work in areas affected by the fighting.",
     "body": "Journalists with valid accreditation are turned back at army checkpoints, so the only accounts of the "
             "fighting come from official statements. Independent reporting protects civilians by making abuses "
             "harder to hide.",
     "topics": ["humanitarian", "press-freedom", "access"], "status": "vetted", **_V},
    {"file": "humanitarian", "id": "ask.ambulances-through-checkpoints", "kind": "ask",
     "title": "Let ambulances pass through checkpoints",
     "lead": "Ensure ambulances are waved through every checkpoint without delay.",
     "body": "Patients have died in ambulances held at a checkpoint for hours. Each checkpoint commander should have "
             "standing orders to let medical vehicles pass after a brief inspection.",
     "topics": ["humanitarian", "health", "access"], "status": "vetted", **_V},
    {"file": "sanctions", "id": "ask.sanction-torture-chiefs", "kind": "ask",
     "title": "Sanction the chiefs of facilities where torture is routine",
     "lead": "Impose sanctions on the directors of prisons and interrogation centres where torture is routine.",
     "body": "The people who run these facilities know what happens inside them. Sanctions aimed at them, named one "
             "by one, would tell every guard and interrogator that torture carries a personal cost.",
     "topics": ["sanctions", "torture", "accountability"], "audiences": ["us-executive", "eu", "foreign-government"],
     "status": "vetted", **_V},
    {"file": "torture", "id": "context.torture-unpunished-despite-sanctions", "kind": "context",
     "title": "Torture goes on despite sanctions on a few officials",
     "text": "Sanctions on two junior officers have not changed practice. Former detainees released this spring "
             "describe the same torture in the same cells, under the same commanders, who face no sanctions at all.",
     "topics": ["torture", "sanctions"], "status": "vetted", **_V},
    {"file": "land", "id": "ask.support-community-cartographers", "kind": "ask",
     "title": "Support community cartographers mapping customary land",
     "lead": "Fund community cartographers who map the customary boundaries of villages.",
     "body": "Maps drawn by the villagers themselves, with GPS points and the names elders use, are the first evidence "
             "a court will ask for when land is claimed by a concession holder.",
     "topics": ["land", "indigenous-peoples"], "status": "vetted", **_V},
    {"file": "land", "id": "context.participatory-cartography", "kind": "context",
     "title": "Villages have mapped their own land",
     "text": "Through participatory cartography, eleven villages in the uplands have recorded farms, graves and "
             "sacred forests that appear on no official map.",
     "topics": ["land"], "status": "draft"},
    {"file": "internet", "id": "ask.ban-geolocation-data-sales", "kind": "ask",
     "title": "Stop the sale of phone geolocation data to security services",
     "lead": "Ban data brokers from selling geolocation data to security agencies without a warrant.",
     "body": "Location histories bought from advertising companies let the police reconstruct where protesters slept, "
             "prayed and met. Selling such data to security services should require a court order.",
     "topics": ["internet", "surveillance"], "status": "vetted", **_V},
    {"file": "internet", "id": "context.activists-geolocated", "kind": "context",
     "title": "Activists tracked through their phones",
     "text": "Several organisers of last year's marches were arrested hours after their phones were geolocated near "
             "the rally points, although none had posted their location.",
     "topics": ["internet", "surveillance", "protest"], "status": "vetted", **_V},
    {"file": "climate", "id": "ask.desalination-water-for-coastal-towns", "kind": "ask",
     "title": "Fund desalination for coastal towns whose wells have turned salty",
     "lead": "Fund solar-powered desalination plants for coastal towns whose wells have been ruined.",
     "body": "Rising seas have pushed salt into the aquifer. Small desalination units run by the municipalities would "
             "give families safe drinking water at a price they can pay.",
     "topics": ["climate", "water"], "status": "vetted", **_V},
    {"file": "climate", "id": "context.desalinated-water-prices", "kind": "context",
     "title": "Families pay a week's wages for clean water",
     "text": "With the public supply contaminated, households in the coastal towns buy desalinated water from private "
             "tankers at prices that take up to a fifth of their income.",
     "topics": ["climate", "water"], "status": "vetted", **_V},
    {"file": "detention", "id": "ask.observe-sham-trial", "kind": "ask",
     "title": "Send diplomats to observe the sham trial of the lawyers",
     "lead": "Send embassy staff to observe the trial and say publicly that it falls short of fair trial standards.",
     "body": "The proceedings against the fourteen lawyers are a sham trial in all but name: the defence has not seen "
             "the case file and the verdict was announced on state television before the hearing began.",
     "topics": ["detention", "fair-trial"], "status": "vetted", **_V},
    {"file": "civil-society", "id": "context.defenders-trial-called-sham", "kind": "context",
     "title": "A trial observers have called unfair",
     "text": "Observers who attended the trial of the defenders described it as a sham. Witnesses for the prosecution "
             "contradicted each other, and the judge refused to hear the defence's evidence.",
     "topics": ["civil-society", "fair-trial"], "status": "vetted", **_V},
    {"file": "climate", "id": "ask.right-to-water-displaced", "kind": "ask",
     "title": "Uphold the right to water in displacement sites",
     "lead": "Press the authorities to uphold the right to water of people living in displacement sites.",
     "body": "Families in the sites receive a fraction of the minimum daily amount, and trucks come irregularly. "
             "Piped supply and storage tanks would cost less than years of trucking.",
     "topics": ["climate", "water", "displacement"], "status": "vetted", **_V},
    {"file": "climate", "id": "context.drought-right-to-water", "kind": "context",
     "title": "Drought and the right to water",
     "text": "The drought has exposed how far the government is from meeting the right to water: wells owned by "
             "farm companies keep pumping while village taps run dry.",
     "topics": ["climate", "water"], "status": "draft"},
    {"file": "land", "id": "ask.halt-lagoon-evictions", "kind": "ask",
     "title": "Halt the eviction of fishing families from the lagoon",
     "lead": "Press the authorities to stop evicting fishing families from the lagoon shore.",
     "body": "Families who have fished the lagoon for generations were evicted to make room for a marina. Those "
             "already evicted should be allowed to return until a court rules on their claims.",
     "topics": ["land", "forced-evictions"], "status": "vetted", **_V},
    {"file": "climate", "id": "context.lagoon-pollution", "kind": "context",
     "title": "Pollution is killing the lagoon",
     "text": "Waste from the tannery district drains straight into the lagoon, and fish catches have fallen by half "
             "in five years.",
     "topics": ["climate", "pollution"], "status": "vetted", **_V},
    {"file": "labour", "id": "ask.lagoon-fishing-licences", "kind": "ask",
     "title": "Restore fishing licences on the lagoon",
     "lead": "Restore the fishing licences withdrawn from small-scale fishers on the lagoon.",
     "body": "Licences were cancelled without notice and reissued to companies linked to officials.",
     "topics": ["labour", "land"], "status": "draft"},
    {"file": "accountability", "id": "ask.exhume-mass-graves", "kind": "ask",
     "title": "Support the exhumation of mass graves",
     "lead": "Fund forensic teams to carry out the exhumation of mass graves to international standards.",
     "body": "Families have waited decades to recover their relatives. Each exhumation must protect evidence for "
             "future trials and return remains to families with dignity.",
     "topics": ["accountability", "evidence", "forensics"], "audiences": ["un", "eu"], "status": "vetted", **_V},
    {"file": "accountability", "id": "context.exhumed-remains-identified", "kind": "context",
     "title": "Remains identified after decades",
     "text": "Remains exhumed from the quarry site last year have been identified through DNA as those of villagers "
             "taken away in the night in 1987.",
     "topics": ["accountability", "forensics"], "status": "retired", "vetted_by": "Policy Committee",
     "vetted_on": "2024-05-14", "retired_reason": "The identification process is complete; use a current update."},
    {"file": "torture", "id": "ask.stop-blindfolding-detainees", "kind": "ask",
     "title": "End the blindfolding of detainees during interrogation",
     "lead": "Press for an end to the practice of keeping detainees blindfolded during questioning.",
     "body": "Detainees who are blindfolded cannot identify the officers who abuse them. Blindfolding should be "
             "banned outright and interrogators required to give their names.",
     "topics": ["torture", "detention"], "status": "vetted", **_V},
    {"file": "elections", "id": "ask.indelible-ink-supply", "kind": "ask",
     "title": "Ensure indelible ink reaches every polling station",
     "lead": "Fund and track the delivery of indelible ink to every polling station.",
     "body": "In the last election, observers found stations without indelible ink, which made multiple voting easy "
             "to hide.",
     "topics": ["elections"], "status": "vetted", **_V},
    {"file": "press-freedom", "id": "ask.lift-newsprint-duties", "kind": "ask",
     "title": "Lift punitive duties on newsprint",
     "lead": "Press the authorities to remove the import duty on newsprint imposed last year.",
     "body": "The duty doubled the cost of printing, and three independent dailies have already stopped their print "
             "editions.",
     "topics": ["press-freedom", "media-law"], "status": "vetted", **_V},
    {"file": "labour", "id": "ask.end-bonded-labour-brick-kilns", "kind": "ask",
     "title": "End bonded labour in brick kilns",
     "lead": "Press for the release of families held in debt bondage at brick kilns.",
     "body": "Whole families work at the kilns to repay advances that grow faster than they can be paid off. "
             "District officials should inspect the kilns and cancel the debts.",
     "topics": ["labour", "forced-labour"], "status": "vetted", **_V},
    {"file": "health", "id": "ask.release-detained-midwives", "kind": "ask",
     "title": "Release the midwives arrested for treating protesters",
     "lead": "Call for the release of the midwives arrested after they treated injured protesters.",
     "body": "The midwives ran a maternity clinic that opened its doors to the wounded during the crackdown. They are "
             "charged with aiding rioters.",
     "topics": ["health", "detention"], "status": "vetted", **_V},
    {"file": "climate", "id": "ask.mangrove-restoration-consent", "kind": "ask",
     "title": "Restore mangroves with the consent of fishing communities",
     "lead": "Fund mangrove restoration that is planned with the communities who depend on the coast.",
     "body": "Restoration projects sold as carbon offsets have fenced off mangroves that villages use for fishing and "
             "firewood.",
     "topics": ["climate", "land"], "status": "vetted", **_V},
    {"file": "land", "id": "context.mangrove-clearing-shrimp", "kind": "context",
     "title": "Mangroves cleared for shrimp ponds",
     "text": "Most of the mangrove forest along the bay has been cleared for shrimp ponds, leaving villages exposed to "
             "storm surges.",
     "topics": ["land", "climate"], "status": "vetted", **_V},
    {"file": "sanctions", "id": "ask.delist-relief-charity", "kind": "ask",
     "title": "Remove the relief charity designated in error",
     "lead": "Delist the relief charity that was designated on the basis of mistaken identity.",
     "body": "Since it was listed, the charity has been unable to pay its staff or buy food for its kitchens. Delisting "
             "should take weeks, not years, once an error is shown.",
     "topics": ["sanctions", "humanitarian-exemptions"], "status": "vetted", **_V},
    {"file": "refugees", "id": "ask.nationality-for-stateless-children", "kind": "ask",
     "title": "Grant nationality to stateless children born in the camps",
     "lead": "Press for birth registration and nationality for children born stateless in refugee camps.",
     "body": "Without papers, stateless children cannot enrol in school or be resettled with their parents.",
     "topics": ["refugees", "children", "statelessness"], "status": "vetted", **_V},
    {"file": "internet", "id": "context.shutdown-during-exams", "kind": "context",
     "title": "The internet is cut during national exams",
     "text": "For the third year running, the authorities imposed a mobile internet shutdown across the country "
             "during the national school exams, officially to prevent cheating.",
     "topics": ["internet", "internet-shutdowns", "education"], "status": "vetted", **_V},
    {"file": "death-penalty", "id": "ask.stop-executing-juvenile-offenders", "kind": "ask",
     "title": "Stop executing juvenile offenders",
     "lead": "Urge an immediate halt to the execution of people convicted of crimes committed as children.",
     "body": "At least four juvenile offenders were executed last year, and more are on death row. International law "
             "prohibits the death penalty for crimes committed under the age of eighteen.",
     "topics": ["death-penalty", "children"], "status": "vetted", **_V},
    {"file": "civil-society", "id": "ask.complaints-mechanism-ombudsman", "kind": "ask",
     "title": "Create an independent complaints mechanism for aid recipients",
     "lead": "Set up a complaints mechanism that people receiving assistance can use safely.",
     "body": "People who are asked for bribes or favours in return for aid must be able to report it without fear.",
     "variants": {"eu": {"lead": "Ask the European Ombudsman to examine how complaints from aid recipients are handled.",
                         "note": "EU institutions answer to the Ombudsman."}},
     "topics": ["civil-society", "humanitarian"], "status": "vetted", **_V},
    {"file": "land", "id": "ask.protect-farmer-seed-saving", "kind": "ask",
     "title": "Protect farmers' right to save and exchange their own varieties",
     "lead": "Oppose the clauses of the draft plant variety law that criminalise saving harvested grain for sowing.",
     "body": "Smallholders have kept heirloom varieties of millet and sorghum for generations. The draft law would "
             "make exchanging them at village markets an offence.",
     "topics": ["land", "seeds", "food"], "status": "vetted", **_V},
    {"file": "labour", "id": "context.factory-dormitories-locked", "kind": "context",
     "title": "Workers locked in factory dormitories",
     "text": "Workers at the export zone sleep in dormitories that are locked from the outside at night, and guards "
             "keep the keys.",
     "topics": ["labour", "forced-labour"], "status": "vetted", **_V},
    {"file": "united-nations", "id": "ask.upr-midterm-report", "kind": "ask",
     "title": "Ask for a mid-term report on the Universal Periodic Review",
     "lead": "Encourage {{ country }} to submit a voluntary mid-term report on its Universal Periodic Review commitments.",
     "body": "A mid-term report halfway through the cycle shows which accepted recommendations have been acted on.",
     "topics": ["united-nations", "upr"], "audiences": ["un", "foreign-government"], "status": "vetted", **_V},
    {"file": "children", "id": "ask.safe-schools-declaration", "kind": "ask",
     "title": "Endorse and implement the Safe Schools Declaration",
     "lead": "Urge the government to endorse the Safe Schools Declaration and stop using schools as bases.",
     "body": "Soldiers have occupied classrooms in the border towns, turning them into targets.",
     "topics": ["children", "education"], "status": "vetted", **_V},
    {"file": "arms-transfers", "id": "ask.suspend-tear-gas-exports", "kind": "ask",
     "title": "Suspend export licences for tear gas",
     "lead": "Suspend export licences for tear gas and other riot control agents bound for the police.",
     "body": "Tear gas from abroad has been fired into homes and hospitals during the protests. Exports should stop "
             "until the police change their rules on the use of force.",
     "topics": ["arms-transfers", "protest"], "status": "vetted", **_V},
]


# ----------------------------------------------------------------------------------------
# Composition
# ----------------------------------------------------------------------------------------

SLOT_RE = re.compile(r"\[([a-z_]+)\]")
JINJA_RE = re.compile(r"{{\s*([A-Za-z_][A-Za-z0-9_]*)\s*}}")
SLUG_STOP = {
    "a", "an", "the", "of", "to", "for", "and", "or", "in", "on", "at", "by", "with", "from", "that", "who", "whose",
    "is", "are", "be", "as", "its", "their", "his", "her", "it", "into", "every", "all", "any", "no", "not",
}


STICKY_SLOTS = {
    "person", "town", "outlet", "company", "profession", "detainee_group", "facility", "sanction_target",
    "refugee_group", "election_type", "media_actor", "worker_group", "sector", "climate_harm", "polluter",
    "land_group", "project", "disease", "health_worker", "child_harm", "defender_group", "capital_offence", "weapon",
    "mechanism", "crime", "mandate", "press_story",
}
"""Slots that keep one value within a clause, so a clause names one person and one town."""

SLOT_EXPONENT = {"town": 1.2, "surname": 1.1, "first_name": 1.0, "profession": 1.1}
"""Steeper Zipf curves for name-like slots, so that their tail occurs in one to three clauses."""


def _table(values: list[str], exponent: float = 0.9) -> tuple[list[str], list[float], float]:
    cum = list(itertools.accumulate(1.0 / (i + 1) ** exponent for i in range(len(values))))
    return values, cum, cum[-1]


class Composer:
    """Fills [slot] templates with Zipf-weighted choices from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.sticky: dict[str, str] = {}
        self.global_tables = {name: _table(values, SLOT_EXPONENT.get(name, 0.9))
                              for name, values in GLOBAL_SLOTS.items()}
        self.domain_tables: dict[str, dict[str, tuple[list[str], list[float], float]]] = {}
        for dom in DOMAINS:
            tables = dict(self.global_tables)
            tables.update({name: _table(values) for name, values in dom["slots"].items()})
            tables["issue"] = _table(dom["issue"])
            tables["issue_short"] = _table(dom["issue_short"])
            tables["subtopic"] = _table(dom["subtopics"])
            self.domain_tables[dom["name"]] = tables

    def pick(self, table: tuple[list[str], list[float], float]) -> str:
        values, cum, total = table
        index = bisect.bisect_right(cum, self.rng.random() * total)
        return values[min(index, len(values) - 1)]

    def new_clause(self) -> None:
        """Forget the sticky choices: a new clause may name other people and places."""
        self.sticky.clear()

    def _slot(self, name: str, tables: dict[str, tuple[list[str], list[float], float]]) -> str:
        if name in STICKY_SLOTS:
            if name not in self.sticky:
                self.sticky[name] = self._expand(self.pick(tables[name]), tables)
            return self.sticky[name]
        return self._expand(self.pick(tables[name]), tables)

    def _expand(self, template: str, tables: dict[str, tuple[list[str], list[float], float]]) -> str:
        if "[" not in template:
            return template
        return SLOT_RE.sub(lambda m: self._slot(m.group(1), tables), template)

    def fill(self, template: str, domain: str) -> str:
        """Expand the slots of a sentence (or title) and capitalise its first letter."""
        text = self._expand(template, self.domain_tables[domain])
        if text and text[0].islower():
            text = text[0].upper() + text[1:]
        return text


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _slug(title: str) -> str:
    words = re.findall(r"[a-z0-9]+", JINJA_RE.sub(" ", title.lower()).replace("'", ""))
    kept = [w for w in words if w not in SLUG_STOP]
    return "-".join(kept[:4]) or "clause"


def _date(rng: random.Random, start: int = 2019, end: int = 2026) -> str:
    year = rng.randint(start, end)
    month = rng.randint(1, 4 if year == end else 12)
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


KIND_WEIGHTS = [("ask", 0.52), ("context", 0.26), ("opening", 0.065), ("closing", 0.06), ("other", 0.07),
                ("asks-intro", 0.012), ("sign-off", 0.006), ("signature-note", 0.006)]


def _natural_clause(comp: Composer, kind: str, dom: dict[str, Any]) -> dict[str, Any]:
    rng = comp.rng
    comp.new_clause()
    name = dom["name"]
    fill = comp.fill
    clause: dict[str, Any] = {"kind": kind}
    group = name
    topics = [name]
    if kind == "ask":
        frame = rng.choice(dom["asks"])
        clause["title"] = fill(rng.choice(frame["titles"]), name)
        clause["lead"] = fill(rng.choice(frame["leads"]), name)
        pool = frame["body"] + dom["body"]
        sentences = [fill(s, name) for s in rng.sample(pool, min(len(pool), rng.choice((1, 2, 2, 3, 3, 3))))]
        if rng.random() < 0.35:
            sentences.append(rng.choice(GENERIC_ASK_SENTENCES))
        has_items = rng.random() < 0.15
        if not (has_items and rng.random() < 0.3):
            clause["body"] = " ".join(sentences)
        if has_items:
            clause["items"] = [fill(s, name) for s in rng.sample(dom["items"], min(len(dom["items"]), rng.randint(2, 4)))]
    elif kind == "context":
        clause["title"] = fill(rng.choice(dom["context_titles"]), name)
        sentences = [fill(s, name) for s in rng.sample(dom["context"], min(len(dom["context"]), rng.randint(2, 4)))]
        if rng.random() < 0.3:
            sentences.append(fill(rng.choice(GENERIC_CONTEXT_SENTENCES), name))
        clause["text"] = " ".join(sentences)
    elif kind == "other":
        clause["title"] = fill(rng.choice(OTHER_TITLES), name)
        sentences = [fill(rng.choice(OTHER_LEADINS), name)]
        sentences += [fill(s, name) for s in rng.sample(dom["context"], 2)]
        clause["text"] = " ".join(sentences)
    elif kind == "opening":
        group = "openings"
        topics = ["openings", name]
        clause["title"] = fill(rng.choice(OPENING_TITLES), name)
        text = fill(rng.choice(OPENING_TEXTS), name)
        if rng.random() < 0.3:
            text += " " + fill(rng.choice(dom["context"]), name)
        clause["text"] = text
    elif kind == "closing":
        group = "closings"
        topics = ["closings", name]
        clause["title"] = fill(rng.choice(CLOSING_TITLES), name)
        clause["text"] = fill(rng.choice(CLOSING_TEXTS), name)
    elif kind == "asks-intro":
        group = "openings"
        topics = ["asks"]
        title, text = rng.choice(ASKS_INTRO)
        clause["title"], clause["text"] = fill(title, name), fill(text, name)
    elif kind == "sign-off":
        group = "closings"
        topics = ["sign-off"]
        clause["title"], clause["text"] = rng.choice(SIGN_OFFS)
    else:  # signature-note
        group = "closings"
        topics = ["signatories"]
        clause["title"], clause["text"] = rng.choice(SIGNATURE_NOTES)
    if kind in ("ask", "context", "other"):
        for _ in range(rng.choice((0, 1, 1, 1, 2))):
            tag = comp.pick(comp.domain_tables[name]["subtopic"])
            if tag not in topics:
                topics.append(tag)
    clause["topics"] = topics
    clause["group"] = group

    # audiences and variants
    audiences: list[str] = []
    if kind not in ("sign-off", "signature-note", "asks-intro") and rng.random() < 0.55:
        audiences = sorted(rng.sample(AUDIENCES, rng.choice((1, 1, 2, 2, 3))), key=AUDIENCES.index)
        if rng.random() < 0.06:
            audiences.append(rng.choice(CUSTOM_AUDIENCES))
    clause["audiences"] = audiences
    variants: dict[str, dict[str, str]] = {}
    if kind not in ("sign-off", "signature-note", "asks-intro"):
        targets: list[str] = []
        if audiences and rng.random() < 0.4:
            targets = rng.sample(audiences, min(len(audiences), rng.choice((1, 1, 2))))
        elif not audiences and rng.random() < 0.12:
            targets = [rng.choice(AUDIENCES)]
        for aud in targets:
            variant: dict[str, str] = {}
            if kind == "ask":
                prefix = ASK_VARIANT_PREFIX.get(aud)
                if prefix and clause.get("lead"):
                    variant["lead"] = prefix + _lower_first(clause["lead"])
                if aud in ASK_VARIANT_BODY and (not variant or rng.random() < 0.5):
                    variant["body"] = ASK_VARIANT_BODY[aud]
            elif aud in TEXT_VARIANT_SUFFIX:
                variant["text"] = clause["text"] + " " + TEXT_VARIANT_SUFFIX[aud]
            if variant:
                if rng.random() < 0.15 and aud in VARIANT_NOTES:
                    variant["note"] = VARIANT_NOTES[aud]
                variants[aud] = variant
    clause["variants"] = variants

    # status
    r = rng.random()
    if r < 0.76:
        clause["status"] = "vetted"
    elif r < 0.95:
        clause["status"] = "draft"
    else:
        clause["status"] = "retired"
    if clause["status"] != "draft":
        clause["vetted_by"] = rng.choice(VETTERS)
        clause["vetted_on"] = _date(rng)
    if clause["status"] == "retired":
        clause["retired_reason"] = rng.choice(RETIRED_REASONS)
    if clause["status"] == "draft" and rng.random() < 0.25:
        clause["notes"] = rng.choice(DRAFT_NOTES)
    if rng.random() < 0.08:
        year = rng.randint(2016, 2025)
        position = f"asks[{rng.randint(0, 6)}]" if kind == "ask" else f"body[{rng.randint(0, 4)}]"
        clause["provenance"] = [{
            "title": "Letter on " + fill("[issue_short]", name),
            "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "sender": rng.choice(SENDERS),
            "file": f"letters/{year}-{name}-{rng.randint(1, 40):02d}.docx",
            "position": position,
        }]
    return clause


def _declare_variables(clause: dict[str, Any]) -> None:
    parts = [clause.get(k) or "" for k in ("title", "text", "lead", "body")]
    parts += clause.get("items", [])
    for variant in clause.get("variants", {}).values():
        parts += [v for k, v in variant.items() if k != "note"]
    names: list[str] = []
    for part in parts:
        for name in JINJA_RE.findall(part):
            if name not in names:
                names.append(name)
    clause["variables"] = {n: VAR_SPECS.get(n, ("A value for " + n.replace("_", " "), "example")) for n in names}


def generate(n: int = DEFAULT_CLAUSES, seed: int = DEFAULT_SEED) -> list[dict[str, Any]]:
    """Return the clauses (dicts, in file order) of a library of ``n`` clauses.

    Each dict has the clause fields plus ``file`` (the file stem it is written to).
    """
    rng = random.Random(seed)
    comp = Composer(rng)
    planted_ids = {p["id"] for p in PLANTED}
    natural_count = max(0, n - len(PLANTED))
    kinds, kind_w = zip(*KIND_WEIGHTS)
    kind_cum = list(itertools.accumulate(kind_w))
    dom_cum = list(itertools.accumulate(d["weight"] for d in DOMAINS))
    used: dict[str, int] = {}
    groups: dict[str, list[dict[str, Any]]] = {}
    for _ in range(natural_count):
        kind = kinds[min(bisect.bisect_right(kind_cum, rng.random() * kind_cum[-1]), len(kinds) - 1)]
        dom = DOMAINS[min(bisect.bisect_right(dom_cum, rng.random() * dom_cum[-1]), len(DOMAINS) - 1)]
        clause = _natural_clause(comp, kind, dom)
        base = f"{kind}.{_slug(clause['title'])}"
        count = used.get(base, 0) + 1
        used[base] = count
        cid = base if count == 1 else f"{base}-{count}"
        while cid in planted_ids:
            count += 1
            used[base] = count
            cid = f"{base}-{count}"
        clause["id"] = cid
        _declare_variables(clause)
        groups.setdefault(clause.pop("group"), []).append(clause)
    # Planted clauses go into the first file of their group, spread through it.
    for j, planted in enumerate(PLANTED):
        clause = {k: (list(v) if isinstance(v, list) else v) for k, v in planted.items() if k != "file"}
        clause.setdefault("audiences", [])
        clause.setdefault("variants", {})
        _declare_variables(clause)
        group = groups.setdefault(planted["file"], [])
        group.insert(min(len(group), 3 + 7 * j), clause)
    chunk = max(20, math.ceil(n / TARGET_FILES))
    ordered: list[dict[str, Any]] = []
    for group_name in sorted(groups):
        items = groups[group_name]
        files = max(1, math.ceil(len(items) / chunk))
        per = math.ceil(len(items) / files)
        for f in range(files):
            stem = f"{group_name}-{f + 1:02d}"
            for clause in items[f * per:(f + 1) * per]:
                clause["file"] = stem
                ordered.append(clause)
    return ordered


# ----------------------------------------------------------------------------------------
# YAML output (written directly: fast, and in the layout of examples/clauses)
# ----------------------------------------------------------------------------------------

_PLAIN_OK = re.compile(r"[A-Za-z0-9][^\n\t]*")
_PLAIN_BAD = re.compile(r": |\s#|:$|\s$")
_YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null", "y", "n", "~"}
WRAP = 88


def _scalar(value: str) -> str:
    if _PLAIN_OK.fullmatch(value) and not _PLAIN_BAD.search(value) and value.lower() not in _YAML_WORDS \
            and not re.fullmatch(r"[0-9.:\-+e]+", value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _emit(out: list[str], indent: str, key: str, value: str) -> None:
    if len(value) + len(indent) + len(key) + 2 <= WRAP or "\n" in value:
        out.append(f"{indent}{key}: {_scalar(value)}")
        return
    out.append(f"{indent}{key}: >-")
    inner = indent + "  "
    width = WRAP - len(inner)
    line = ""
    # A Jinja variable ({{ name }}) is kept on one line.
    words = [w.replace("\x00", " ") for w in value.replace("{{ ", "{{\x00").replace(" }}", "\x00}}").split(" ")]
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            out.append(inner + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        out.append(inner + line)


def render_file(topic: str, clauses: list[dict[str, Any]], part: str) -> str:
    out = [f"# Generated clause library ({part}); written by clause_corpus.py.", f"topic: {topic}", "clauses:"]
    for clause in clauses:
        out.append(f"  - id: {clause['id']}")
        ind = "    "
        out.append(f"{ind}kind: {clause['kind']}")
        _emit(out, ind, "title", clause["title"])
        for key in ("text", "lead", "body"):
            if clause.get(key):
                _emit(out, ind, key, clause[key])
        if clause.get("items"):
            out.append(f"{ind}items:")
            for item in clause["items"]:
                out.append(f"{ind}  - {_scalar(item)}")
        if clause.get("variables"):
            out.append(f"{ind}variables:")
            for name, (description, example) in clause["variables"].items():
                out.append(f"{ind}  {name}:")
                out.append(f"{ind}    description: {_scalar(description)}")
                out.append(f"{ind}    example: {_scalar(example)}")
        if clause.get("topics"):
            out.append(f"{ind}topics: [{', '.join(clause['topics'])}]")
        if clause.get("audiences"):
            out.append(f"{ind}audiences: [{', '.join(clause['audiences'])}]")
        if clause.get("variants"):
            out.append(f"{ind}variants:")
            for name, variant in clause["variants"].items():
                out.append(f"{ind}  {name}:")
                for key in ("text", "lead", "body", "note"):
                    if key in variant:
                        _emit(out, ind + "    ", key, variant[key])
        out.append(f"{ind}status: {clause['status']}")
        for key in ("vetted_by", "vetted_on", "retired_reason", "notes"):
            if clause.get(key):
                if key == "vetted_on":
                    out.append(f"{ind}vetted_on: {clause[key]}")
                else:
                    _emit(out, ind, key, clause[key])
        if clause.get("provenance"):
            out.append(f"{ind}provenance:")
            for source in clause["provenance"]:
                first = True
                for key in ("title", "date", "sender", "file", "position"):
                    prefix = f"{ind}  - " if first else f"{ind}    "
                    value = source[key] if key == "date" else _scalar(source[key])
                    out.append(f"{prefix}{key}: {value}")
                    first = False
        out.append("")
    return "\n".join(out)


def write_library(outdir: Path, clauses: list[dict[str, Any]]) -> int:
    """Write the clauses into topic files under ``outdir``; return the number of files."""
    outdir.mkdir(parents=True, exist_ok=True)
    by_file: dict[str, list[dict[str, Any]]] = {}
    for clause in clauses:
        by_file.setdefault(clause["file"], []).append(clause)
    stems = sorted(by_file)
    for stem in stems:
        topic = stem.rsplit("-", 1)[0]
        siblings = [s for s in stems if s.rsplit("-", 1)[0] == topic]
        part = f"{topic}, part {siblings.index(stem) + 1} of {len(siblings)}"
        (outdir / f"{stem}.yaml").write_text(render_file(topic, by_file[stem], part), encoding="utf-8")
    return len(stems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a seeded, realistic draftkit clause library.")
    parser.add_argument("outdir", type=Path, help="folder to write the topic files into")
    parser.add_argument("--clauses", type=int, default=DEFAULT_CLAUSES, help="number of clauses (default 100000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default 16)")
    parser.add_argument("--force", action="store_true", help="replace .yaml files already in OUTDIR")
    args = parser.parse_args(argv)
    if args.clauses < len(PLANTED):
        parser.error(f"--clauses must be at least {len(PLANTED)} (the planted clauses)")
    existing = sorted(args.outdir.glob("*.yaml")) if args.outdir.is_dir() else []
    if existing and not args.force:
        print(f"error: {args.outdir} already holds {len(existing)} .yaml files; pass --force to replace them",
              file=sys.stderr)
        return 1
    for path in existing:
        path.unlink()
    start = time.perf_counter()
    clauses = generate(args.clauses, args.seed)
    files = write_library(args.outdir, clauses)
    elapsed = time.perf_counter() - start
    print(f"wrote {len(clauses)} clauses ({len(PLANTED)} planted) in {files} files to {args.outdir} "
          f"in {elapsed:.1f} s (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
