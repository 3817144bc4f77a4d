"""The shorthand of clinical notes, which patients copy into their stories and staff
type in capitals: "HX OF HTN", "C/O PELVIC PAIN X 2 WKS", "F/U PRN", "PT OOB TO CHAIR".

Nor do the qualifications and the plural clinicians people write beside it ("During my
BSc", "three different OB-GYNs").  None of it names anyone, but written in capitals it
looks like acronyms of hospitals and firms, and a number before a unit looks like a
house number before a street ("2 WKS", "650 MG PO").  `ABBREVIATIONS` joins the safe
vocabulary (`lexicon.Lexicon.is_safe`); `UNIT_AFTER_NUMBER` tells the address rules that
a number is a quantity.
"""

from __future__ import annotations

import re

from .vocab import words

ABBREVIATIONS = words(
    """hx dx tx rx sx fx px ddx pmh psh c/o f/u n/v n/v/d nt/nd wnl prn rtc dc d/c ed abd qs po
    hba1c hba a1c psa dms q-tip q-tips
    bid tid qid qd qhs qam qpm sob cp htn dm dm1 dm2 t2dm chf copd cad ckd mi cva tia dvt pe gerd
    oob ra rn lpn cna np pa iv sc sq bs bp hr rr o2 spo2 sat sats vss nad aox3 a&o perrla bm
    gu gi ent pacu meds labs cont pt's pts yo y/o wks wk yrs hrs mins nkda nka npo ns lr
    prbc cbc bmp cmp ua ucx hcg lmp edd gtt gtts tab tabs cap caps inj neb nebs ekg ecg cxr
    ct/mri f/u'd w/ w/o s/p r/o h/o ob-gyns obgyns gyns gynos gynaes bsc msc phd mba mbbs gcse gcses
    a-level a-levels btec hnd nvq tens"""
)
# Brands and generic names of the pelvic, menopause and sexual-health medicines and products
# patients name, which the drug list (`data/medicines.txt`, from DrugBank) lacks.
BRANDS = words(
    """oestrogel utrogestan visanne mefenamic tranexamic estradot evorel imvaggis instillagel viagra
    sandrena elleste kliovance blissel vagirux replens hyalofemme sylk lubion multi-gyn canesbalance
    relactagel balance-activ dilapan vuva testosterone progesterone
    dettol savlon sudocrem germolene vagisil daktarin hydromol doublebase diprobase cetraben
    dermol zerobase boroline feminax tampax kotex poise bepanthen"""
)
# National and public health systems, insurers and their kinds of clinic, which name no one
# place or person: "the HSE waiting list", "the NHIF desk", "a Cesfam", "la Isapre".
HEALTH_SYSTEMS = words(
    """hse nhif ohip msp ramq medicare medicaid tricare fonasa cesfam essalud
    philhealth medisave medishield medi-cal acc msi"""
)
# Everyday products, platforms and shows people name in passing ("a box of Kleenex", "the
# Squeezy app", "on Pinterest", "watching Gogglebox"): brands, which identify nobody.
PRODUCTS = words(
    """kleenex vaseline brillo folgers squeezy headspace epaderm pinterest tumblr gogglebox
    nollywood bollywood battenberg biltong klippies buscapina cernilton quercetin hokas fitbit"""
)
# Anatomy and conditions of the clinic's field that the clinical vocabulary lacks, which
# patients capitalise ("Pudendal Neuralgia", "Alcock's Canal", "my obturator internus").
ANATOMY = words(
    """pudendal neuralgia genitourinary obturator internus levator ani piriformis coccyx coccydynia
    alcock alcock's vestibule vestibular vestibulectomy"""
)
#: Units of a dose after its number ("30 mg", "2 tabs", "5%"), as a regex alternation: a
#: medicine's line with its dose heads no forum post and names no diary's writer.
DOSE_UNITS = r"(?:mg|mcg|ml|g|iu|units?|tabs?|caps?|puffs?|%)"
UNIT_AFTER_NUMBER = re.compile(
    r"\d{1,5}(?:\.\d+)?[ \t]*(?:wks?|weeks?|days?|hrs?|hours?|mins?|minutes?|mg|mcg|ml|kg|lbs?|yrs?|yo"
    r"|units?|cm|mm|am|pm|x|tabs?|caps?|puffs?|gtts?)\b",
    re.IGNORECASE,
)
