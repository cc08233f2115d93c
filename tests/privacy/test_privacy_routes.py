"""Every route by which a reader could still read an identifying detail: markup, spacing, wrapping, full-width
forms, letter case, written dates, link targets and names. Each is planted in an audit and must stop `check`
and `build` at the file and line where the detail starts, with its kind."""

from __future__ import annotations

import gzip
import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from generator.pipeline import check
from generator.privacy.scan import scan_text
from tests.support import PLANTED_LINE, build_site, nhs_numbers, ni_numbers, planted, postcodes, tree_digest, write

# (id, text planted under '## Background', kind, lines after PLANTED_LINE where it starts)
ROUTES = [
    ("phone-in-bold", "Ring 0161 **496** 0123 today.", "phone", 0),
    ("ni-in-bold", "The NI number **QQ** 12 34 56 C was on the form.", "ni-number", 0),
    ("email-in-emphasis", "Write to jane.doe@*example*.org for the notes.", "email", 0),
    ("email-spaced-apart", "Write to tylermum2011 @ gmail . com for the notes.", "email", 0),
    ("phone-in-span", "Call 0770<span>0 900123</span> after school.", "phone", 0),
    ("postcode-in-code", "They moved to `NN4` 8RE in the spring.", "postcode", 0),
    ("phone-in-underscores", "Ring 07700 _900123_ after six.", "phone", 0),
    ("nbsp-typed", "Ring 07700\u00a0900123 after six.", "phone", 0),
    ("nbsp-entity", "Ring 07700&nbsp;900123 after six.", "phone", 0),
    ("zero-width-space", "Ring 077\u200b00 900123 after six.", "phone", 0),
    ("numeric-entity", "Ring &#48;7700 900123 after six.", "phone", 0),
    ("nbsp-in-postcode", "They moved to NN4\u00a08RE in the spring.", "postcode", 0),
    ("nbsp-in-address", "The children lived at 14\u00a0Laburnum Close with their aunt.", "address", 0),
    ("soft-hyphens-in-nhs-number", "Records under 943\u00ad476\u00ad5919 were checked.", "nhs-number", 0),
    ("wrapped-phone", "The mother's mobile is 07700\n900123 and she answers.", "phone", 0),
    ("wrapped-address", "The children lived at 14 Laburnum\nClose with their aunt.", "address", 0),
    ("wrapped-date-of-birth", "The child was born on\n3 April 2012 in the city.", "date-of-birth", 0),
    ("wrapped-on-second-line", "The worker noted that\nthe mobile is 07700 900123.", "phone", 1),
    ("full-width-digits", "Ring ０７７００ ９００１２３ after six.", "phone", 0),
    ("arabic-indic-digits", "Ring ٠٧٧٠٠ ٩٠٠١٢٣ after six.", "phone", 0),
    ("devanagari-digits", "Ring ०७७०० ९००१२३ after six.", "phone", 0),
    ("full-width-at", "Write to jane＠example.org for the notes.", "email", 0),
    ("postcode-lower-case", "They moved to nn4 8re in the spring.", "postcode", 0),
    ("address-capitals", "The children lived at 22 ACACIA AVENUE with their aunt.", "address", 0),
    ("address-lower-case", "the children lived at 22 acacia avenue with their aunt.", "address", 0),
    ("phone-with-dots", "Ring 0161.496.0123 after six.", "phone", 0),
    ("phone-with-slashes", "Ring 0161/496/0123 after six.", "phone", 0),
    ("phone-with-dashes", "Ring 0161 – 496 – 0123 after six.", "phone", 0),
    ("phone-with-lookalike-hyphens", "Ring 07700\u02d7900115 after six.", "phone", 0),
    ("phone-with-double-hyphen", "Ring 07700\u2e40900149 after six.", "phone", 0),
    ("phone-with-katakana-dot", "Ring 07700\u30fb900118 after six.", "phone", 0),
    ("nhs-with-hyphen-bullets", "Records under 943\u2043476\u20435919 were checked.", "nhs-number", 0),
    ("phone-with-prolonged-sound-mark", "Ring 07700\u30fc900121 after six.", "phone", 0),
    ("phone-with-box-drawing-line", "Ring 07700\u2500900122 after six.", "phone", 0),
    ("nhs-with-raised-dots", "Records under 943\u2e33476\u2e335919 were checked.", "nhs-number", 0),
    ("email-with-ideographic-full-stop", "Write to tylermum2011@gmail\u3002com for the notes.", "email", 0),
    ("postcode-with-lookalike-hyphen", "They moved to NN4\u02d78RE in the spring.", "postcode", 0),
    ("phone-international", "Ring +44 (0)161 496 0123 after six.", "phone", 0),
    ("ni-with-hyphens", "NI number QQ-12-34-56-C was on the form.", "ni-number", 0),
    ("ni-with-dots", "NI number qq.12.34.56.c was on the form.", "ni-number", 0),
    ("nhs-in-pairs", "Records under 94 34 76 59 19 were checked.", "nhs-number", 0),
    ("nhs-four-three-three", "Records under 9434 765 919 were checked.", "nhs-number", 0),
    ("born-on-the-ordinal", "The child was born on the 3rd of April 2012 in the city.", "date-of-birth", 0),
    ("born-on-a-weekday", "The child was born on Tuesday 3 April 2012 in the city.", "date-of-birth", 0),
    ("dob-definition-list", "<dl>\n<dt>Date of birth</dt>\n<dd>03/04/2012</dd>\n</dl>", "date-of-birth", 2),
    ("dob-label-pasted-from-word", "Child B's date of birth:\n\n3rd April 2012", "date-of-birth", 2),
    ("dob-table-column", "| Child | DOB |\n|---|---|\n| Child A | 03/04/2012 |", "date-of-birth", 2),
    ("mailto-only", "[Write to the family](mailto:jane.doe@example.org) for the notes.", "email", 0),
    ("mailto-encoded", "[Write to the family](mailto:jane.doe%40example.org) for the notes.", "email", 0),
    ("tel-only", "[Ring the family](tel:07700900123) after six.", "phone", 0),
    ("tel-in-html", '<a href="tel:+447700900123">Ring the family</a> after six.', "phone", 0),
    ("name-aged", "Tyler Smith, aged 7, was seen at home.", "name", 0),
    ("name-alone-aged", "The worker met Zoltana, aged 9, at home.", "name", 0),
    ("hyphenated-given-name", "Kayleigh-Ann Brown attended the meeting.", "name", 0),
    ("title-and-surname", "Mrs Kowalski attended the meeting.", "name", 0),
    ("given-name-before-verb", "Tyler said he was scared at home.", "name", 0),
    ("named-school", "She attends Oakfield Primary School three days a week.", "name", 0),
    ("named-gp-practice", "The family is registered at Elm Tree Surgery in the town.", "name", 0),
    ("named-nursery", "He goes to Little Acorns Nursery in the mornings.", "name", 0),
    # found by an attacker after the first version
    ("direction-mark", "Ring 07700\u200e900123 after six.", "phone", 0),
    ("comment-inside", "Ring 07700 <!-- x -->900123 after six.", "phone", 0),
    ("attribute-inside", 'Ring 07700 <abbr title="x">900</abbr>123 after six.', "phone", 0),
    ("quoted-and-wrapped", "> Her mobile is 07700\n> 900123 today.", "phone", 0),
    ("wrapped-before-a-full-stop", "Her mobile is 07700\n900123. She answers.", "phone", 0),
    ("born-then-and", "The child was born 3 April 2012 and 5 siblings followed.", "date-of-birth", 0),
    ("born-at-weeks", "The child was born at 28 weeks on 3 April 2012.", "date-of-birth", 0),
    ("dob-short-year", "DOB 3rd April 12 on the form.", "date-of-birth", 0),
    ("table-without-outer-pipes", "Child | DOB (age)\n---|---\nChild A | 03/04/2012 (5)", "date-of-birth", 2),
    ("nhs-mixed-groups", "Records under 943 476 591 9 were checked.", "nhs-number", 0),
    ("phone-0044", "Ring 0044 7700 900123 after six.", "phone", 0),
    ("ni-without-letter", "NI number QQ 12 34 56 on the form.", "ni-number", 0),
    ("postcode-hyphen", "They moved to NN4-8RE in the spring.", "postcode", 0),
    ("email-spaced", "Write to jane.doe @ example.org for the notes.", "email", 0),
    ("address-street-type-lower", "The children lived at 14 Laburnum close with their aunt.", "address", 0),
    ("address-the", "The children lived at 14 The Green with their aunt.", "address", 0),
    ("possessive", "Tyler’s mother said she was worried.", "name", 0),
    ("adverb-before-verb", "Tyler later said he was scared.", "name", 0),
    ("initial", "Tyler S. was seen at home.", "name", 0),
    ("particle", "Mrs de Souza attended the meeting.", "name", 0),
    ("capitals", "TYLER SMITH was seen at home.", "name", 0),
    ("gp-practice", "The family is registered with Oakfield GP Practice.", "name", 0),
    # found by a second attack
    ("given-name-before-any-verb", "Tyler would often arrive hungry.", "name", 0),
    ("community-names", "Gurpreet Kaur said she was frightened.", "name", 0),
    ("romanian-letters", "Ionuț Popescu said he was scared.", "name", 0),
    ("family-surname", "The Whitfield family were known to services.", "name", 0),
    ("police-rank", "PC Davies attended the home.", "name", 0),
    ("surname-first", "The record reads Smith, Jamie-Lee for the child.", "name", 0),
    ("surname-in-capitals", "Police wrote: Sharon WHITFIELD attended.", "name", 0),
    ("place-as-given-name", "Chelsea Patel was seen at home with Devon Okafor.", "name", 0),
    ("surname-then-initial", "The register lists Patel, A. as absent in Year 4.", "name", 0),
    ("name-in-link-target", "See [the report](https://news.example.org/tyler-okafor-case) for the posts.", "name", 0),
    ("name-in-autolink", "See <https://news.example.org/amir-patel> now.", "name", 0),
    ("phone-in-autolink", "See <https://example.org/07700900461> now.", "phone", 0),
    ("address-as-list-item", "Addresses:\n\n14. Laburnum Close", "address", 2),
    ("address-number-after", "They lived on Laburnum Close at number 14.", "address", 0),
    ("address-welsh", "They moved to 14 Heol y Bryn in June.", "address", 0),
    ("address-list-item-full-stop", "Addresses:\n\n14. Laburnum Close.", "address", 2),
    ("address-number-in-brackets", "They lived on Laburnum Close (number 14).", "address", 0),
    ("address-in-map-link", "See <https://www.google.com/maps/place/14+Laburnum+Close,+Leeds> now.", "address", 0),
    ("surname-initial-in-capitals", "Record: PATEL, A. was seen at school.", "name", 0),
    ("name-in-slug-capitals", "See wiki/Tyler_Okafor for the posts.", "name", 0),
    ("address-welsh-named", "Maent yn byw yn 3 Llys Derwen.", "address", 0),
    ("address-way-number-after", "They lived on Laburnum Way, number 14.", "address", 0),
    ("address-list-hyphenated-town", "Addresses:\n\n14. Laburnum Close, Stoke-on-Trent", "address", 2),
    ("address-map-link-no-scheme", "Map: maps.google.com/?q=14+Laburnum+Close", "address", 0),
    ("place-name-in-slug", "See x.org/news/chelsea-patel for the posts.", "name", 0),
    ("name-double-underscore", "See <https://x.org/p/Amir__Patel> now.", "name", 0),
    ("surname-initial-aged", "Record: Patel, A., aged 9, was seen.", "name", 0),
    ("landscape-surname-said", "Devon Moss said she was scared.", "name", 0),
    ("name-in-slug-with-initial", "See x.org/news/amir-k-patel for the posts.", "name", 0),
    ("name-run-together-in-link", "See [her page](https://x.org/AmirPatel) for the posts.", "name", 0),
    ("surname-initial-in-cell", "| Pupil | Year |\n|---|---|\n| Patel, A. | Year 4 |", "name", 2),
    ("surname-initials-undotted", "Record: Patel, AJ was seen at school.", "name", 0),
    ("surname-initial-age", "Record: PATEL, A. 14 years old.", "name", 0),
    ("family-in-the-plural", "The Patels were known to services.", "name", 0),
    ("polish-wifes-surname-heading", "### Kowalska Family", "name", 0),
    ("polish-commonest-surname-heading", "### Nowak Family", "name", 0),
    ("ukrainian-surname-in-latin-plural", "The Shevchenkos were seen at home.", "name", 0),
    ("ukrainian-surname-passport-spelling", "Family name: Melnyk", "name", 0),
    ("lithuanian-daughters-surname-label", "Maiden name: Petrauskaite", "name", 0),
    ("albanian-surname-list-item", "- Krasniqi Family: lived in temporary housing", "name", 0),
    ("eritrean-surname-bold", "**Tesfaye Family**", "name", 0),
    ("turkish-surname-without-its-letters", "The Ozturks were seen at home.", "name", 0),
    ("ukrainian-names-in-passport-spelling", "Mykola Melnyk was arrested in March.", "name", 0),
    ("ukrainian-wifes-surname-label", "Maiden name: Kovalska", "name", 0),
    ("lithuanian-daughters-surname-made", "Surname: Jankauskaite", "name", 0),
    ("polish-given-name-without-its-letters", "Lukasz Nowak was arrested.", "name", 0),
    ("double-barrelled-surname-heading", "### Kowalska-Nowak Family", "name", 0),
    ("double-barrelled-surname-label", "Surname: Owusu-Ansah", "name", 0),
    ("lithuanian-wifes-surname-from-ius", "Surname: Stankeviciene", "name", 0),
    ("ukrainian-given-name-older-spelling", "Andriy said his host had taken his passport.", "name", 0),
    ("polish-given-name-community-list", "Bartosz told police he was paid £50 a day.", "name", 0),
    # found by an attack on those
    ("surname-initial-in-dated-row", "| Pupil | Year | Date |\n|---|---|---|\n| Patel, A. | Year 4 | June 2023 |", "name", 2),
    ("surname-initial-as-list-item", "Pupils seen:\n\n- Patel, A.\n- Child B", "name", 2),
    ("surname-initial-word-table", "Pupil\tYear\nWhitfield, A.\tYear 4", "name", 1),
    ("surname-initials-bracket", "Record: PATEL, A. (DOB withheld) was seen.", "name", 0),
    ("surname-initials-school-year", "Record: PATEL, A.J Y9 was seen.", "name", 0),
    ("family-plural-contracted", "The Patels weren't at home.", "name", 0),
    ("family-same-as-plural", "The Williams were known to services.", "name", 0),
    ("family-possessive-plural", "The Patel's home was cold.", "name", 0),
    ("name-run-together-camel", "See x.org/amirPatel for the posts.", "name", 0),
    ("name-run-together-hashtag", "It was shared as #JusticeForAmirPatel online.", "name", 0),
    ("name-run-together-relative-link", "See [the referral](AmirPatel_referral.pdf) now.", "name", 0),
    ("name-in-slug-title-case", "See x.org/Amir-Patel for the posts.", "name", 0),
    # found by a second attack on those
    ("surname-initial-in-header-row", "| Patel, A. | Oakfield |\n|---|---|\n| Child B | Oakfield |", "name", 0),
    (
        "surname-initial-under-review-header",
        "| Child subject to this review | School |\n|---|---|\n| Patel, A. | Oakfield |",
        "name",
        2,
    ),
    ("surname-initial-list-semicolon", "Pupils seen:\n\n- Patel, A.;\n- Child B", "name", 2),
    ("surname-capitals-and-mother", "Record: PATEL, A. and mother attended.", "name", 0),
    ("surname-apostrophe-initial", "Record: D'Souza, A. was seen.", "name", 0),
    ("family-plural-any-verb", "The Patels left the UK in May.", "name", 0),
    ("family-possessive-any-noun", "The Patel's landlord called the police.", "name", 0),
    ("family-plural-as-word-writes-it", "The O’Briens were seen at home.", "name", 0),
    ("family-plural-of-a-word", "The Singhs were known to services.", "name", 0),
    ("name-slug-initial-after-dot", "See x.org/appeal/amir.s.patel for the posts.", "name", 0),
    ("name-title-slug-deep-in-address", "See x.org/stories/Justice-for-Amir-Patel now.", "name", 0),
    ("name-run-together-after-digit", "It was shared as #Justice4AmirPatel online.", "name", 0),
    # found by a third attack
    ("name-title-slug-common-surname", "See [the referral](Tyler-Smith-referral.pdf) now.", "name", 0),
    ("surname-initials-given-name-in-brackets", "Record: Patel, A.K. (Amir) was seen.", "name", 0),
    ("word-paste-tag", "Ty<o:p></o:p>ler Whitfield said he was hungry.", "name", 0),
    ("cyrillic-letter", "Тyler Whitfield said he was hungry.", "name", 0),
    ("dob-exported", "D.O.B. 03-Apr-2011 on the referral.", "date-of-birth", 0),
    ("birthday", "Her birthday 3 April 2011 was missed.", "date-of-birth", 0),
    ("social-media", "He was contacted on Snapchat @tyler_whitfield2011 daily.", "social-media", 0),
    ("profile", "See facebook.com/tyler.whitfield for the posts.", "social-media", 0),
    ("profile-in-capitals", "See Instagram.COM/tylerwhitfield for the posts.", "social-media", 0),
    ("vehicle", "The car, AB12 CDE, was seen outside school.", "vehicle-registration", 0),
    ("flat", "They moved to Flat 3, Wordsworth House in June.", "address", 0),
    ("phone-with-middle-dot", "Ring 07700 · 900123 after six.", "phone", 0),
    # a DOB label's wordings and what may stand between the label and its date
    ("dob-label-format", "Date of birth (DD/MM/YYYY): 03/04/2012", "date-of-birth", 0),
    ("dob-label-of-child", "Date of birth of child: 03/04/2012", "date-of-birth", 0),
    ("dob-label-age", "Date of birth / age: 03/04/2012 (5)", "date-of-birth", 0),
    ("dob-key-value-row", "| Date of birth | 03/04/2012 |\n|---|---|\n| Gender | F |", "date-of-birth", 0),
    ("dob-label-then-link", "Date of birth:\n\n[03/04/2012](/x/)", "date-of-birth", 2),
    ("dob-label-then-list", "Date of birth (DD/MM/YYYY):\n\n- 03/04/2012", "date-of-birth", 2),
    ("dob-label-then-on", "Date of birth of child:\n\nOn 3 April 2012", "date-of-birth", 2),
    ("dob-label-then-about", "DOB / age:\n\nabout 3 April 2012", "date-of-birth", 2),
    ("dob-label-rule-between", "Date of birth:\n\n---\n\n03/04/2012", "date-of-birth", 4),
    ("dob-label-image-between", "Date of birth:\n\n![](a.png)\n\n03/04/2012", "date-of-birth", 4),
    ("dob-label-comment-between", "Date of birth:\n\n<!-- checked -->\n\n03/04/2012", "date-of-birth", 4),
    ("born-label", "**Born**\n\n3 April 2012", "date-of-birth", 2),
    # found by an attack on the label wordings
    ("dob-plural", "Children's dates of birth: 03/04/2012 and 05/06/2014", "date-of-birth", 0),
    ("dob-plural-column", "| Child | Dates of birth |\n|---|---|\n| A | 03/04/2012 |", "date-of-birth", 2),
    ("dob-tab-table", "Name\tDate of birth\tAddress\nChild A\t03/04/2012\tn/a", "date-of-birth", 1),
    ("dob-or-edd", "Date of Birth / EDD: 03/04/2012", "date-of-birth", 0),
    ("dob-and-age", "DOB & age: 03/04/2012", "date-of-birth", 0),
    ("dob-spaced-letters", "D. O. B.: 03/04/2012", "date-of-birth", 0),
    ("dob-footnote", "Date of birth[^1]: 03/04/2012", "date-of-birth", 0),
    ("dob-format-after-colon", "Date of birth: (DD/MM/YYYY) 03/04/2012", "date-of-birth", 0),
    ("dob-label-linked", "[Date of birth](/glossary/): 03/04/2012", "date-of-birth", 0),
    ("dob-quoted", "DOB: “03/04/2012”", "date-of-birth", 0),
    ("dob-circa", "DOB: c. 03/04/2012", "date-of-birth", 0),
    ("dob-spaced-slashes", "DOB: 03 / 04 / 2012", "date-of-birth", 0),
    ("dob-wrapped-date", "DOB: 03/04/\n2012", "date-of-birth", 0),
    ("dob-linked-date", "DOB: [03/04/2012](/x/)", "date-of-birth", 0),
    ("dob-name-first", "| Field | Value |\n|---|---|\n| DOB | Child A: 03/04/2012 |", "date-of-birth", 2),
    ("born-on-label", "Born on:\n\n3 April 2012", "date-of-birth", 2),
    ("dob-label-numbered", "Date of birth\n\n1. 03/04/2012", "date-of-birth", 2),
    ("dob-label-name-first", "Name / DOB:\n\nChild A – 03/04/2012", "date-of-birth", 2),
    ("dob-label-with-age", "Date of birth:\n\n03/04/2012 (aged 5 years 3 months)", "date-of-birth", 2),
    # found by a second attack
    ("dob-aligned-with-spaces", "Date of birth:          03/04/2012", "date-of-birth", 0),
    ("dob-aligned-with-tabs", "DOB\t\t\t\t\t\t\t\t\t03/04/2012", "date-of-birth", 0),
    ("dob-label-blank-lines", "Date of birth:\n\n\n\n\n\n\n\n03/04/2012", "date-of-birth", 8),
    ("dob-label-long-comment", "Date of birth:\n\n<!-- " + "checked " * 40 + "-->\n\n03/04/2012", "date-of-birth", 4),
    ("baby-delivered", "The baby was delivered on 3 April 2012.", "date-of-birth", 0),
    # found by a third attack
    ("child-delivered-prematurely", "Child B was delivered prematurely on 3 April 2012.", "date-of-birth", 0),
    ("dob-whose-cell", "| Field | Child | Value |\n|---|---|---|\n| DOB | Child A | 03/04/2012 |", "date-of-birth", 2),
    ("dob-far-aligned", "Date of birth:" + " " * 60 + "03/04/2012", "date-of-birth", 0),
    ("dob-bracketed-date", "DOB (03/04/2012) was on the form.", "date-of-birth", 0),
    # left by the third attack
    ("dob-leader-dots", "Date of birth ........ 03/04/2012", "date-of-birth", 0),
    ("dob-form-line", "Date of birth ______ 03/04/2012", "date-of-birth", 0),
    ("dob-ellipsis", "Date of birth……03/04/2012", "date-of-birth", 0),
    ("born-to-a-mother", "Child A was born to a mother aged 16 on 3 April 2012.", "date-of-birth", 0),
    # found by an attack on those
    ("dob-list-after-redacted", "Dates of birth:\n\n- [redacted]\n- 05/06/2014", "date-of-birth", 3),
    ("dob-row-after-not-known", "| Field | Child A | Child B |\n|---|---|---|\n| DOB | n/k | 05/06/2014 |", "date-of-birth", 2),
    ("dob-withheld-then-date", "Dates of birth: withheld, 05/06/2014", "date-of-birth", 0),
    ("dob-spaced-leader-dots", "Date of birth . . . . . 03/04/2012", "date-of-birth", 0),
    ("dob-middle-dots", "Date of birth of child ········ 03/04/2012", "date-of-birth", 0),
    ("born-to-a-teenager", "Child A was born to a 15-year-old on or about 3 April 2012.", "date-of-birth", 0),
    ("right-to-left-override", "DOB: \u202e2102 lirpA 3\u202c on the form.", "date-of-birth", 0),
    ("date-then-dob-in-brackets", "The form gave 03/04/2012 (DOB) for the baby.", "date-of-birth", 0),
    # found by a fourth attack: references, names and details as records and careless authors write them
    ("case-reference-system", "The family's Mosaic ID 4829137 was used.", "case-reference", 0),
    ("crime-reference", "It was logged under crime ref 14/123456/23 that day.", "case-reference", 0),
    ("case-number-code", "LCS case number CP-2023-0456 was closed.", "case-reference", 0),
    ("surname-first-in-capitals", "Open cases included SMITH Tyler that year.", "name", 0),
    ("title-and-initial", "Ms K. Brown, the mother, attended every meeting.", "name", 0),
    ("name-over-two-cells", "| First name | Surname |\n|---|---|\n| Tyler | Smith |", "name", 2),
    ("street-type-brow", "Mum lived at 12 Mill Brow until June.", "address", 0),
    ("school-infant-and-nursery", "She attends Oakfield Infant and Nursery School daily.", "name", 0),
    ("turned-an-age-on", "Child A turned 7 on 3 April 2018 and the school held a party.", "date-of-birth", 0),
    ("born-in-a-place-on", "Child A was born in Northbrook General Hospital on 3 April 2011.", "date-of-birth", 0),
    ("dob-recorded-incorrectly", "Child A's date of birth was recorded incorrectly as 03/04/2011.", "date-of-birth", 0),
    ("birth-on", "Child A's birth on 3 April 2011 was premature.", "date-of-birth", 0),
    ("phone-44-without-plus", "Ring mum on 44 7700 900123 if needed.", "phone", 0),
    ("phone-after-tel", "Ring tel07700900123 after six.", "phone", 0),
    ("email-at-in-brackets", "Write to jane.doe [at] example.org for the notes.", "email", 0),
    ("email-in-words", "Write to jane dot doe at example dot org for the notes.", "email", 0),
    ("handle-after-platform", "Child A's Snapchat was tyler_s2011 that year.", "social-media", 0),
    ("variation-selector", "Ring 07700\ufe0f900123 after six.", "phone", 0),
    ("hangul-filler", "Records under 943\u3164476\u31645919 were checked.", "nhs-number", 0),
    ("tag-space", "Ring 07700\U000e0020900123 after six.", "phone", 0),
    ("braille-blank", "Ring 07700\u2800900123 after six.", "phone", 0),
    ("fraction-slashes", "DOB 03\u204404\u20442011 on the form.", "date-of-birth", 0),
    ("combining-underlines", "Ring 0\u03327\u03327\u033200 900123 after six.", "phone", 0),
    # found by a sixth attack
    ("phone-polish", "Mother's Polish mobile +48 512 345 678 was not answered.", "phone", 0),
    ("phone-irish", "Father's number +353 87 123 4567 was on the referral.", "phone", 0),
    ("phone-romanian-00", "Grandmother's phone 0040 721 234 567 was not answered.", "phone", 0),
    ("phone-american-brackets", "The aunt's number +1 (555) 010-0199 was given.", "phone", 0),
    ("phone-french-pairs", "The uncle rang from +33 6 12 34 56 78 twice.", "phone", 0),
    ("phone-letter-o-first", "Mother's mobile O7700 900123 was not answered.", "phone", 0),
    ("phone-letter-o-inside", "Ring 077OO 9OO123 after six.", "phone", 0),
    ("phone-commas", "Ring 07700,900,123 after six.", "phone", 0),
    ("phone-bullet-operators", "Ring 07700\u2219900\u2219123 after six.", "phone", 0),
    ("phone-spaced-colon", "Ring 07700 : 900444 after six.", "phone", 0),
    (
        "dingbat-digits",
        "Records under \u277e\u2779\u2778 \u2779\u277c\u277b \u277a\u277e\u2776\u277e were read.",
        "nhs-number",
        0,
    ),
    (
        "circled-sans-serif-digits",
        "Ring \u24ff\u2790\u2790\u24ff\u24ff \u2792\u24ff\u24ff\u278a\u278b\u278c after six.",
        "phone",
        0,
    ),
    ("snap-for-snapchat", "His Snap was tyler_w2011 that year.", "social-media", 0),
    ("game-by-handle", "He was groomed on Roblox by TylerW2011 in 2023.", "social-media", 0),
    ("xbox-gamertag", "His Xbox gamertag TylerW2011 was shared.", "social-media", 0),
    ("psn-id", "His PSN ID tyler_w2011 was shared.", "social-media", 0),
    ("discord-tag", "His Discord tyler#1234 was shared.", "social-media", 0),
    ("telegram-link", "The account t.me/tylerw2011 sent the messages.", "social-media", 0),
    ("twitch-link", "He streamed at twitch.tv/tylerw every night.", "social-media", 0),
    ("onlyfans-link", "Images were sold on onlyfans.com/tylerw last year.", "social-media", 0),
    ("reddit-user", "He posted as reddit.com/u/tylerw for a year.", "social-media", 0),
    ("instagram-co-uk", "See instagram.co.uk/tylerw for the posts.", "social-media", 0),
    ("street-villas", "Mum lived at 14 Laburnum Villas until June.", "address", 0),
    ("street-causeway", "Mum lived at 14 Laburnum Causeway until June.", "address", 0),
    ("gamertag-after-colon", "His Xbox gamertag: DarkWolf2011 was shared.", "social-media", 0),
    ("profile-after-www", "He streamed at https://www.twitch.tv/darkwolf_2011 each night.", "social-media", 0),
    ("street-leys", "Mum lived at 3 Mill Leys until June.", "address", 0),
    ("driving-licence", "His licence WHITF801234T99AB was checked.", "driving-licence", 0),
    ("landline-without-area-code", "Nan's landline 496 0123 was on the referral.", "phone", 0),
    ("local-number-after-tel", "Grandad, tel: 4960123, was not contacted.", "phone", 0),
    ("passport-number", "His passport number is 123456789 on file.", "passport", 0),
    ("sort-code", "Payments went to sort code 12-34-56 each week.", "bank-account", 0),
    ("bank-account", "Payments went to account 12345678 each week.", "bank-account", 0),
    ("learner-number", "Her ULN 1234567890 was on the form.", "learner-number", 0),
    ("pupil-number-grouped", "Her UPN A 1234 5678 9012 was on the form.", "pupil-number", 0),
    ("date-of-birth-eight-digits", "DOB 03042012 on the form.", "date-of-birth", 0),
    ("passport-grouped", "His passport number: 123 456 789 was on file.", "passport", 0),
    ("account-grouped", "Payments went to account number: 1234-5678 each week.", "bank-account", 0),
    ("sort-code-dotted", "Payments went to sort-code 12.34.56 each week.", "bank-account", 0),
    ("learner-number-grouped", "Her ULN: 1234 567 890 was on the form.", "learner-number", 0),
    ("date-of-birth-year-first", "DOB 20160314 on the form.", "date-of-birth", 0),
    ("driving-licence-spaced", "His licence MORGA 753116 SM9IJ 35 was checked.", "driving-licence", 0),
    ("phone-doubled-marks", "Ring 07700 :: 900444 after six.", "phone", 0),
    ("phone-spaced-hyphens", "Ring 07700 - - 900444 after six.", "phone", 0),
    ("phone-white-bullet", "Ring 07700 \u25e6 900444 after six.", "phone", 0),
    ("phone-wide-spaced-colon", "Ring 07700   :   900444 after six.", "phone", 0),
    (
        "circled-numbers-beyond-nine",
        "Ring \U0001f10b\u2786\u2786\U0001f10b\U0001f10b \u2788\U0001f10b\U0001f10b\u2783\u2783\u2783 after six.",
        "phone",
        0,
    ),
    ("right-to-left-isolate", "Ring \u2067900123 07700\u2069 after six.", "phone", 0),
    ("right-to-left-embedding", "Records under \u202b5919 476 943\u202c were read.", "nhs-number", 0),
    ("hebrew-letters-either-side", "Ring \u05d0 900123 07700 \u05d1 after six.", "phone", 0),
    ("right-to-left-marks", "Ring \u200f900123 07700\u200f after six.", "phone", 0),
    ("right-to-left-override-across-lines", "Ring \u202e123 009\n00770\u202c now.", "phone", 0),
    ("right-to-left-entity-across-lines", "Ring &#x202E;123 009\n00770&#x202C; now.", "phone", 0),
    ("isolated-date-of-birth", "DOB: \u20672012 April 3\u2069 on the form.", "date-of-birth", 0),
    ("phone-bars", "Ring 07700|900444 after six.", "phone", 0),
    ("phone-spaced-en-dash", "Ring 07700 \u2013 900 444 after six.", "phone", 0),
    ("phone-em-dash", "Ring 07700\u2014900444 after six.", "phone", 0),
    ("phone-backslash", "Ring 07700\\900444 after six.", "phone", 0),
    ("phone-semicolons", "Ring 020;7946;0000 after six.", "phone", 0),
    ("phone-square-bullet-and-letter-o", "Ring O7700 \u25aa 9OO444 after six.", "phone", 0),
    ("born-at-an-hour", "Child A was born at 2am on 3 April 2011.", "date-of-birth", 0),
    ("born-weighing", "Child A was born weighing 3lb on 3 April 2011.", "date-of-birth", 0),
    ("born-at-weeks", "She was born weighing 3lb 4oz, at 32 weeks on Tuesday 3 April 2011.", "date-of-birth", 0),
    ("bare-b-after-comma", "Child A, b 03/04/2011, was seen.", "date-of-birth", 0),
    ("bare-b-in-brackets", "Child A (b 3.4.11) was seen.", "date-of-birth", 0),
    ("abbreviated-born-numeric-date", "Child A, b. 3.4.11, was seen.", "date-of-birth", 0),
    ("abbreviated-born-after-pseudonym-and-colon", "Child A: b. 3.4.11 was on the plan.", "date-of-birth", 0),
    ("initial-and-surname", "The worker visited T. Smith at home.", "name", 0),
    ("initial-and-surname-in-brackets", "Mother (S. Smith) said it was fine.", "name", 0),
    ("initials-without-stops", "J Smith and K Smith were seen at the clinic.", "name", 0),
    ("initial-and-unlisted-surname-before-a-verb", "T. Whitfield said it was fine.", "name", 0),
    ("two-initials-and-surname", "The referral named J. R. Smith as the carer.", "name", 0),
    ("word-manual-line-break", "The review of Tyler\x0bWhitfield was seen.", "name", 0),
    ("form-feed", "The review of Tyler\x0cWhitfield was seen.", "name", 0),
    ("next-line-mark", "The review of Tyler\x85Whitfield was seen.", "name", 0),
    ("nhs-number-from-0044", "Her NHS number 0044000006 was on the referral.", "nhs-number", 0),
    ("cherokee-lookalikes", "\u13daharon \u13b3hitfield was seen at home.", "name", 0),
    # found by a fifth attack, on those
    ("crime-reference-number", "Police logged it under crime reference number 42/12345/24.", "case-reference", 0),
    ("system-id-is", "The MOSAIC ID is 4829137 for the family.", "case-reference", 0),
    ("police-national-computer", "The PNC 12/345678A entry was checked.", "case-reference", 0),
    ("email-at-a-mail-host", "Write to tyler.s2011 at gmail.com for the notes.", "email", 0),
    ("email-braced", "Write to tyler.s2011 {at} gmail {dot} com for the notes.", "email", 0),
    ("handle-username", "His Snapchat username tyler_s2011 was shared.", "social-media", 0),
    ("handle-ig", "IG: tyler.s was shared.", "social-media", 0),
    ("born-at-a-hospital", "He was born at Northbrook General Hospital on 3 April 2012.", "date-of-birth", 0),
    ("phone-44-unbroken", "Ring 447700900123 after six.", "phone", 0),
    ("name-cells-in-capitals", "| SURNAME | FORENAME |\n|---|---|\n| SMITH | TYLER |", "name", 2),
    # known misses: a mobile without its 0, a birth told as an event, a due date, a DOB table under a label, a baby's surname
    ("mobile-without-its-0", "Mother's mobile 7700 900123 was on the referral.", "phone", 0),
    ("mobile-without-its-0-labelled", "mobile: 7700900123", "phone", 0),
    ("mobile-without-its-0-in-threes", "mob 7700 900 123", "phone", 0),
    ("mobile-without-its-0-number-is", "Her contact number is 77009 00123.", "phone", 0),
    ("mobile-without-its-0-grouped", "She gave 7700 900123 as the best way to reach her.", "phone", 0),
    ("gave-birth-to", "Mum gave birth to Tyler on 3 March 2021.", "date-of-birth", 0),
    ("gave-birth-to-a-baby", "She gave birth to a baby boy, Child B, on 3 March 2021.", "date-of-birth", 0),
    ("had-given-birth", "Mrs A had given birth to twins at 32 weeks on 03/03/2021.", "date-of-birth", 0),
    ("gave-birth-on", "Mother A gave birth on 3 March 2021 at home.", "date-of-birth", 0),
    ("baby-delivered-numeric", "The baby was delivered on 03/03/2021.", "date-of-birth", 0),
    ("born-on-a-dotted-short-date", "Child A was born on 3.3.21 at home.", "date-of-birth", 0),
    ("edd", "EDD 14/06/2024", "date-of-birth", 0),
    ("edd-written", "EDD: 14 June 2024", "date-of-birth", 0),
    ("edd-without-a-year", "EDD: 14 June, confirmed by the midwife.", "date-of-birth", 0),
    ("expected-date-of-delivery", "The expected date of delivery was 14 June 2024.", "date-of-birth", 0),
    ("due-date", "Mum's due date 14/06/24 was confirmed.", "date-of-birth", 0),
    ("due-date-then-midwife", "Due date 14/06/24, confirmed by the midwife.", "date-of-birth", 0),
    ("baby-due", "The baby is due on 14 June.", "date-of-birth", 0),
    ("edd-column", "| Mother | EDD |\n|---|---|\n| Mother A | 14/06/2024 |", "date-of-birth", 2),
    ("dob-table-under-label", "Dates of birth:\n\n| Child | Date |\n|---|---|\n| Child A | 03/04/2012 |", "date-of-birth", 4),
    (
        "dob-table-straight-under-label",
        "Dates of birth:\n| Child | Date |\n|---|---|\n| Child A | 03/04/2012 |",
        "date-of-birth",
        3,
    ),
    ("baby-surname", "Baby Whitfield was discharged home.", "name", 0),
    ("baby-surname-in-capitals", "The ward wrote BABY WHITFIELD on the cot.", "name", 0),
    ("baby-surname-possessive", "Baby Whitfield's cot was unsafe.", "name", 0),
    # found by a sixth attack: schools, homes and practices as their own signs and letters write them
    ("school-c-e-dotted", "The child attends Oakfield C.E. Primary School.", "name", 0),
    ("school-boys", "The child attends Oakfield Boys' School.", "name", 0),
    ("school-girls-high", "Child A attends Oakfield Girls’ High School.", "name", 0),
    ("school-cofe", "The child attends Oakfield CofE Primary.", "name", 0),
    ("school-r-c-dotted", "The child attends Oakfield R.C. Primary School.", "name", 0),
    ("school-ampersand", "The child attends Oakfield Infant & Junior School.", "name", 0),
    ("school-utc", "The child attends Oakfield UTC.", "name", 0),
    ("school-sixth-form", "The young person attends Oakfield Sixth Form.", "name", 0),
    ("childrens-home", "Child A lives at Oakfield Children's Home.", "name", 0),
    ("medical-group", "The family is registered with Elm Tree Medical Group.", "name", 0),
    ("the-practice", "The family is registered with the Elm Tree Practice.", "name", 0),
    ("school-lower-case", "The child attends Oakfield primary school.", "name", 0),
    ("school-lower-case-alone", "The child attends Oakfield school every day.", "name", 0),
    ("montessori", "The child attends Oakfield Montessori.", "name", 0),
    ("playgroup", "The child attends Oakfield Playgroup.", "name", 0),
    ("kindergarten", "The child attends Oakfield Kindergarten.", "name", 0),
    ("pre-school", "The child attends Oakfield Pre-school.", "name", 0),
    ("school-church-of-england", "The child attends Oakfield Church of England Primary School.", "name", 0),
    ("school-voluntary-aided", "The child attends Oakfield C of E (Aided) Primary School.", "name", 0),
    ("school-church-of-england-lower-case", "The child attends Oakfield Church of England school.", "name", 0),
    ("childrens-home-lower-case", "Child A lives at Oakfield residential children's home.", "name", 0),
    # addresses in the forms a house number before a street type misses
    ("street-type-mount", "Mum lived at 14 Laburnum Mount until June.", "address", 0),
    ("street-type-grange", "Mum lived at 14 Laburnum Grange until June.", "address", 0),
    ("street-type-ridge", "Mum lived at 14 Laburnum Ridge with her aunt.", "address", 0),
    ("street-type-bank", "Mum lived at 14 Laburnum Bank until June.", "address", 0),
    ("street-type-garden", "Mum lived at 14 Laburnum Garden until June.", "address", 0),
    ("street-type-abbreviated", "Mum lived at 14 Laburnum Cls until June.", "address", 0),
    ("numbered-house", "Mum lived at 14 Laburnum House, Northbrook until June.", "address", 0),
    ("street-without-type", "Mum lived at 14 Broadway until June.", "address", 0),
    ("close-named-by-trees", "Mum lived at 14 The Laburnums until June.", "address", 0),
    ("house-name-and-street", "Mum lived at Rose Cottage, Mill Lane until June.", "address", 0),
    ("house-number-written-out", "Mum lived at Fourteen Laburnum Close until June.", "address", 0),
    # references with no record system's name before them, and the family court's case numbers
    ("family-court-case-number", "Court case ZW23C50123 was used.", "case-reference", 0),
    ("family-court-case-in-brackets", "The care proceedings (ZW23C50123) ended in May.", "case-reference", 0),
    ("ref-label", "Ref: 4829137", "case-reference", 0),
    ("our-ref", "Our ref 4829137 was used.", "case-reference", 0),
    ("bare-id", "ID 4829137 was used.", "case-reference", 0),
    ("bare-id-colon", "ID: 4829137 was used.", "case-reference", 0),
    ("lac-number", "LAC number 4829137 was used.", "case-reference", 0),
    ("cin-number", "CIN number 4829137 was used.", "case-reference", 0),
    ("cp-plan-number", "CP plan number 4829137 was used.", "case-reference", 0),
    # combining marks on what parts a detail's pieces (a ninth attack): a reader sees the space or the stop
    ("mark-on-a-space-phone", "Mum's mobile 07700 \u0332900123 was given.", "phone", 0),
    ("mark-on-a-space-postcode", "The family lived at NN4 \u03368RE then.", "postcode", 0),
    ("mark-on-a-space-nhs", "Mum's NHS number 943 \u0301476 \u03015919 was given.", "nhs-number", 0),
    ("mark-on-a-space-birth", "Child A was born on 3 \u0301March 2015 at home.", "date-of-birth", 0),
    ("mark-on-a-space-name", "The worker visited Tyler \u0336Whitfield at home.", "name", 0),
    ("email-at-sign-in-brackets", "Write to tyler.w[@]example.org for the notes.", "email", 0),
    ("email-at-sign-in-round-brackets", "Write to tyler.w(@)example.org for the notes.", "email", 0),
    ("street-type-tce", "Mum lived at 22 Acacia Tce until June.", "address", 0),
    ("street-type-av", "Mum lived at 22 Acacia Av until June.", "address", 0),
    ("street-type-wlk", "Mum lived at 22 Acacia Wlk until June.", "address", 0),
    ("street-type-cotts", "Mum lived at 2 Rose Cotts until June.", "address", 0),
    ("struck-through-email", "".join(c + "\u0336" for c in "Write to tyler.w@example.org today."), "email", 0),
    # a tenth attack: a birthday's label, a DOB without its year, an initial beside a relation, a phone in words
    ("birthday-label", "Birthday: 12/03/2015", "date-of-birth", 0),
    ("birth-date-label", "Birth date: 12/03/2015", "date-of-birth", 0),
    ("bday", "bday 12/03/2015 (Child A)", "date-of-birth", 0),
    ("b-apostrophe-day", "B'day: 12/03/2015", "date-of-birth", 0),
    ("dob-without-its-year", "DOB: 12 March (aged 7)", "date-of-birth", 0),
    ("dob-year-in-words", "Child A (DOB 12th March twenty fifteen) was seen.", "date-of-birth", 0),
    ("initial-beside-a-relation-before", "Mum (T. Whitfield) was not invited.", "name", 0),
    ("initial-beside-a-relation-after", "T. Whitfield (Mum) was not invited.", "name", 0),
    ("initial-after-a-relation-and-comma", "Dad, T. Whitfield, was not invited.", "name", 0),
    ("phone-l-for-1", "Mum's mobile: 07700 9001l3", "phone", 0),
    ("phone-in-words", "Mum's number is zero seven seven zero zero, nine zero zero, one two three.", "phone", 0),
    ("phone-in-words-doubled", "Ring oh seven seven double oh nine double oh one two three.", "phone", 0),
    ("phone-in-words-plus", "Ring plus four four seven seven zero zero nine zero zero one two three.", "phone", 0),
    ("mobile-in-words-without-its-0", "Her mobile is seven seven zero zero nine zero zero one two three.", "phone", 0),
    ("phone-words-and-digits", "Ring 07700 nine zero zero one two three after six.", "phone", 0),
    # found by an attack on those: more ways to write each
    ("phone-in-words-after-digits", "Mum's number is 07700 nine one one two three four.", "phone", 0),
    ("phone-letter-o-as-a-word", "Ring O seven seven O O nine O O one two three.", "phone", 0),
    ("phone-in-words-after-plus-44", "Ring +44 seven seven zero zero nine zero zero one two three.", "phone", 0),
    ("phone-in-words-slashes", "Ring zero seven seven zero zero / nine zero zero / one two three.", "phone", 0),
    ("phone-digit-groups-then-words", "Ring 07700 900 one two three after six.", "phone", 0),
    ("phone-lower-case-o-first", "Mum's mobile: o7700 900123", "phone", 0),
    ("born-without-its-year", "Child A was born on 12 March.", "date-of-birth", 0),
    ("birthday-falls-on", "Child A's birthday falls on 12 March.", "date-of-birth", 0),
    ("initial-in-square-brackets-after-a-relation", "Mum [T. Whitfield] was not invited.", "name", 0),
    ("initial-after-relation-is", "Mum's name is T. Whitfield.", "name", 0),
    ("initial-before-a-qualified-relation", "T. Whitfield (maternal grandmother) was not invited.", "name", 0),
    ("initial-in-a-cell-after-a-relation", "| Relation | Name |\n|---|---|\n| Mum | T. Whitfield |", "name", 2),
    ("postcode-space-in-outward", "The family lived at NN 4 8RE then.", "postcode", 0),
    ("postcode-space-in-inward", "The family lived at NN4 8 RE then.", "postcode", 0),
    ("postcode-space-moved-after-its-label", "Postcode: NN48 RE", "postcode", 0),
    ("postcode-spaced-apart-after-its-label", "Postcode: N N 4 8 R E", "postcode", 0),
    ("address-lower-case-after-its-label", "Address: 14 laburnum close, northbrook", "address", 0),
    ("address-lower-case-lives-at", "Mum lives at 14 laburnum close with Child A.", "address", 0),
    # an initial and a surname without the space between them, as typed in a hurry; a birthday's label in two words
    ("initial-without-a-space-beside-a-relation", "Mum (T.Whitfield) was not invited.", "name", 0),
    ("initial-without-a-space-and-a-known-surname", "The letter went to T.Smith at home.", "name", 0),
    ("given-name-and-initial-without-a-space", "Tyler S.Whitfield was seen at home.", "name", 0),
    ("b-space-day", "B day: 12/03/2015", "date-of-birth", 0),
    ("phone-in-words-with-hundreds", "Ring oh seven seven hundred, nine hundred, one two three.", "phone", 0),
    # a surname in capitals after a title, as case files write it
    ("title-and-surname-in-capitals", "Mr PATEL attended the conference.", "name", 0),
    ("title-initial-and-surname-in-capitals", "Father: Mr D WHITFIELD", "name", 0),
    # an eighteenth birthday, as care leavers' audits tell it
    ("became-18-on", "Child A became 18 on 12/03/2025 and left care.", "date-of-birth", 0),
    ("will-be-18-on", "Child A, who will be 18 on 12 March 2026, was seen.", "date-of-birth", 0),
    ("reached-18-on", "Child B reached 18 on 14 May 2024.", "date-of-birth", 0),
    # a surname that is an everyday word (Green, Hall, Ward, Day), where the name says something or has a relation
    ("everyday-surname-said", "Tyler Green said he was scared.", "name", 0),
    ("everyday-surname-relation-after-comma", "Lee Hall, the father, was on bail.", "name", 0),
    ("everyday-surname-relation-in-brackets", "Shannon Day (mother) attended the meeting.", "name", 0),
    ("place-given-name-and-everyday-surname", "Chelsea Green, aged 14, was seen.", "name", 0),
    # the names of children who arrive alone or are trafficked, and Welsh and Scottish names
    ("afghan-given-name", "Hamid told his social worker he was 16.", "name", 0),
    ("albanian-given-name-and-surname", "Klevis Krasniqi was found at a cannabis farm.", "name", 0),
    ("vietnamese-given-name-and-surname", "Minh Tran was found at a nail bar.", "name", 0),
    ("eritrean-given-name-and-surname", "Yonas Haile was found in the lorry.", "name", 0),
    ("welsh-given-name", "Cerys said she was scared.", "name", 0),
    ("scottish-given-name-and-surname", "Eilidh MacDonald told her teacher.", "name", 0),
    # a surname after the words that say it is one; a family in a heading's capitals
    ("surname-label", "Surname: Okafor", "name", 0),
    ("maiden-name", "Mum's maiden name was Kowalski.", "name", 0),
    ("surname-in-brackets", "The family (surname Okafor) moved in 2022.", "name", 0),
    ("family-in-title-case", "### The Patel Family", "name", 0),
    # plates spaced as typed, and the older styles after a vehicle's word; a home named without number or street type
    ("plate-spaced", "A car (AB 12 CDE) was seen outside the school.", "vehicle-registration", 0),
    ("plate-hyphenated", "A black BMW AB12-CDE was seen.", "vehicle-registration", 0),
    ("plate-prefix-style", "A white van (R123 ABC) was seen.", "vehicle-registration", 0),
    ("plate-suffix-style", "An old Vauxhall Corsa, reg ABC 123D, was seen.", "vehicle-registration", 0),
    ("home-without-street-type", "The family lived at 14 Moorside until June.", "address", 0),
    ("street-without-number", "Address: Laburnum Close, Northbrook", "address", 0),
    ("street-type-mead", "Mum moved to 14 Laburnum Mead in June.", "address", 0),
    ("date-in-brackets-after-a-stand-in", "Children: Child A (12/03/2015) and Child B.", "date-of-birth", 0),
    # found by an attack on those
    ("young-person-will-be-18-on", "The young person will be 18 on 12 March 2026.", "date-of-birth", 0),
    ("care-leaver-became-18-on", "The care leaver became 18 on 12/03/2025.", "date-of-birth", 0),
    ("turning-18-on", "Child A is turning 18 on 12 March 2026.", "date-of-birth", 0),
    ("title-and-irish-surname-in-capitals", "Mr O'BRIEN attended the conference.", "name", 0),
    ("master-and-surname-in-capitals", "Master PATEL was seen at home.", "name", 0),
    ("surname-label-with-equals", "Surname = Okafor", "name", 0),
    ("everyday-surname-with-age", "Tyler Green (14) was seen at home.", "name", 0),
    ("welsh-given-name-rhodri", "Rhodri said he was scared.", "name", 0),
    # 2026-12-07, later: an everyday-word surname before a verb a person does or undergoes, or after a relation; one that
    # is far more often a place's (Ward, Park, Church, House, Law, May) beside a relation or after ", aged"; a family in a
    # heading without "the"; an age reached written in words, or in brackets after a stand-in
    ("everyday-surname-other-verb", "Tyler Green was arrested in March.", "name", 0),
    ("everyday-surname-after-relation", "Mum Kelly Hall did not attend the conference.", "name", 0),
    ("place-surname-after-relation", "Stepdad Lee Ward was known to police.", "name", 0),
    ("place-surname-relation-after", "Kelly Park, the mother, was seen at home.", "name", 0),
    ("place-surname-with-age", "Tyler Church, aged 14, was excluded.", "name", 0),
    ("everyday-surname-not-seen", "Tyler Green was not seen by the school nurse.", "name", 0),
    ("everyday-surname-after-relation-in-quotes", "Mum ‘Kelly Hall’ did not attend.", "name", 0),
    ("will-be-twenty-two-on", "Child A will be twenty-two on 12 March 2026.", "date-of-birth", 0),
    ("family-household-in-a-heading", "### Patel household", "name", 0),
    ("family-given-name-surname-in-a-heading", "### Case 3: Jones Family", "name", 0),
    ("family-in-a-bold-line", "**Patel Family**", "name", 0),
    ("family-in-a-list", "- Patel Family", "name", 0),
    ("family-in-a-table-cell", "| 3 | Patel Family | neglect |", "name", 0),
    ("family-leading-a-line-in", "**Patel Family:** lived in temporary housing.", "name", 0),
    ("family-with-a-note-in-a-heading", "### Patel family (Case 2)", "name", 0),
    ("family-in-a-heading-without-the", "### Patel Family", "name", 0),
    ("will-be-eighteen-on", "The young person will be eighteen on 12 March 2026.", "date-of-birth", 0),
    ("age-on-a-date-after-a-stand-in", "Child A (18 on 12/03/2025) moved to supported lodgings.", "date-of-birth", 0),
    # 2026-12-07, a later session: an age of leaving care reached after a stand-in without brackets, a relation of a
    # stand-in labelling a line, a placement's verbs after an everyday-word surname
    ("age-on-a-date-after-a-stand-in-and-a-colon", "Child A: 18 on 12/03/2025", "date-of-birth", 0),
    ("everyday-surname-after-a-stand-ins-relation", "Mother of Child A: Kelly Hall", "name", 0),
    ("everyday-surname-placed", "Tyler Green was placed in foster care.", "name", 0),
    ("everyday-surname-accommodated", "Tyler Green was accommodated under section 20.", "name", 0),
    ("age-on-a-date-after-a-dash", "Young person A – 18 on 12/03/2025.", "date-of-birth", 0),
    ("everyday-surname-after-a-stand-ins-relation-possessive", "Child A's mother: Kelly Hall", "name", 0),
    ("everyday-surname-after-a-birth-relation", "Birth mother of Child A: Kelly Hall", "name", 0),
    ("everyday-surname-placed-into", "Tyler Green was placed into local authority foster care.", "name", 0),
    ("everyday-surname-placed-with", "Tyler Green was placed with his aunt in 2019.", "name", 0),
    ("everyday-surname-on-a-plan", "Tyler Green was placed on a Child Protection Plan.", "name", 0),
    ("everyday-surname-labelled-before-a-places-word", "Mum: Kelly Hall home visit missed twice.", "name", 0),
]


@pytest.mark.parametrize(("route", "text", "kind", "down"), ROUTES, ids=[r[0] for r in ROUTES])
def test_each_route_is_an_error_of_its_kind_where_it_starts(project: Path, route: str, text: str, kind: str, down: int) -> None:
    write(project, f"content/audits/{route}.md", planted(text))
    found = [p for p in check(project, "content").problems if p.path.endswith(f"/{route}.md")]
    problems = [p for p in found if p.message.startswith("privacy: ")]  # a Word line break is refused as text too
    assert sorted({(p.line, p.message.split(": ")[1]) for p in problems}) == [(PLANTED_LINE + down, kind)], found


def test_every_route_stops_check_and_build_and_nothing_is_published(project: Path, cli) -> None:
    site = build_site(project)
    before = tree_digest(site)
    for route, text, _, _ in ROUTES:
        write(project, f"content/audits/{route}.md", planted(text))
    for command in ("check", "build"):
        run = cli(command)
        assert run.code == 1
        reported = {line.split(":")[0] for line in run.lines if ": privacy: " in line and "(warning" not in line}
        assert reported == {f"content/audits/{route}.md" for route, *_ in ROUTES}
    assert tree_digest(site) == before


# --- generated identifiers in random markup, spacing, case and wraps --------------------------------------

PHONES = st.sampled_from(["07700 900123", "0161 496 0123", "020 7946 0000", "01632 960001", "+44 7700 900123"])
EMAILS = st.sampled_from(["jane.doe@example.org", "j.bloggs@northbrook.example.org", "family1@example.co.uk"])
WRAPS = st.sampled_from(["**{}**", "*{}*", "_{}_", "`{}`", "<span>{}</span>", "<b>{}</b>", "<i>{}</i>", "{}"])
GAPS = st.sampled_from([" ", "\u00a0", "&nbsp;", "\u202f"])
INVISIBLE = st.sampled_from(["", "\u200b", "\u00ad", "\u2060", "\ufeff"])


@st.composite
def disguised(draw: st.DrawFn) -> tuple[str, str]:
    """An identifier as a careless or hostile author might write it, and its kind."""
    kind, value = draw(
        st.one_of(
            PHONES.map(lambda v: ("phone", v)),
            nhs_numbers().map(lambda v: ("nhs-number", v)),
            ni_numbers().map(lambda v: ("ni-number", v)),
            postcodes().map(lambda v: ("postcode", v)),
            EMAILS.map(lambda v: ("email", v)),
        )
    )
    if kind in ("ni-number", "postcode"):
        value = draw(st.sampled_from([str.upper, str.lower, str.title]))(value)
        if kind == "postcode" and re.search(r" (1st|2nd|3rd|[4-9]th)$", value):  # "y10 2nd" in lower case is prose
            value = value.upper()
    if draw(st.booleans()) and kind != "email":
        value = value.translate(str.maketrans("0123456789@", "０１２３４５６７８９＠"))
    parts = value.split()
    if len(parts) > 1:
        index = draw(st.integers(0, len(parts) - 1))
        parts[index] = draw(WRAPS).format(parts[index])
        gaps = [draw(GAPS) for _ in parts[1:]]
        if draw(st.booleans()):  # an editor wrapped the line at one of the spaces
            gaps[draw(st.integers(0, len(gaps) - 1))] = "\n"
        value = parts[0] + "".join(gap + part for gap, part in zip(gaps, parts[1:], strict=True))
    else:
        cut = draw(st.integers(1, len(value) - 1))
        value = value[:cut] + draw(INVISIBLE) + value[cut:]
    return kind, value


@settings(max_examples=400, deadline=None)
@given(item=disguised())
def test_property_a_disguised_identifier_is_caught_as_its_kind(item: tuple[str, str]) -> None:
    kind, value = item
    text = f"The worker noted {value} in the file."
    found = scan_text(list(enumerate(text.split("\n"), start=1)), names=False)
    assert kind in [f.kind for f in found] or (kind == "phone" and "nhs-number" in [f.kind for f in found]), (value, found)


# --- every file read or refused -------------------------------------------------------------------------------


def test_dot_files_and_other_files_in_the_briefing_folders_are_reported(project: Path, cli, monkeypatch) -> None:
    write(project, "content/audits/.hidden-audit.md", planted("Nothing to see."))
    write(project, "content/audits/notes.txt", "Ring 07700 900123.")
    (project / "content/audits/.DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    monkeypatch.delenv("CI", raising=False)
    run = cli("check")
    assert run.code == 1
    assert "content/audits/.hidden-audit.md:1: only '.md' files not starting with '.' are read" in run.out
    assert "content/audits/notes.txt:1: only '.md' files not starting with '.' are read" in run.out
    assert "content/audits/.DS_Store:1: is an editor's or the system's leftover file; delete it" in run.out
    (project / "content/audits/.hidden-audit.md").unlink()
    (project / "content/audits/notes.txt").unlink()
    assert cli("check").code == 0  # a leftover warns on an author's machine
    monkeypatch.setenv("CI", "true")
    assert cli("check").code == 1  # and stops CI


def test_emacs_lock_on_an_unsaved_buffer_is_a_leftover_not_a_broken_link(project: Path, cli, monkeypatch) -> None:
    """Emacs links `.#name` to nothing while a buffer has unsaved changes: the preview refused it as a broken link,
    and every page showed the problem until the author saved."""
    for folder in ("content/audits", "content/pages"):
        (project / folder / ".#year-end-maca.md").symlink_to("officer@laptop.4242:1700000000")
    monkeypatch.delenv("CI", raising=False)
    run = cli("check")
    assert run.code == 0, run.out
    assert "content/audits/.#year-end-maca.md:1: is an editor's or the system's leftover file; delete it" in run.out
    assert cli("build", "--pdf", "skip").code == 0
    (project / "content/audits/.#year-end-maca.md").unlink()
    outside = project.parent / "outside.txt"
    outside.write_text("Ring 07700 900123.")
    (project / "content/audits/.#year-end-maca.md").symlink_to(outside)  # a link to a file is no lock
    assert f"content/audits/.#year-end-maca.md:1: is a link to {outside}, outside the repository" in cli("check").out


def _image(kind: str, exif: bool) -> bytes:
    image = Image.new("RGB", (4, 4), "white")
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "PhoneMaker"  # camera make
        data[0x8825] = {1: "N", 2: (52.0, 14.0, 0.0)}  # GPS position
        image.save(out, kind, exif=data)
    else:
        image.save(out, kind)
    return out.getvalue()


def test_files_beside_the_pages_are_scanned_whatever_their_type(project: Path, cli) -> None:
    pages = project / "content/pages"
    (pages / "contacts.txt").write_text("Team list\n\nRing Tyler Smith on 07700 900123.\n")
    (pages / "data.csv").write_text("name,phone\nduty,0161 496 0123\n")
    (pages / "map.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><text>NN4 8RE</text></svg>')
    (pages / "photo.jpg").write_bytes(_image("JPEG", exif=True))
    (pages / "clean.png").write_bytes(_image("PNG", exif=False))
    (pages / "minutes.pdf").write_bytes(b"%PDF-1.4\n")
    run = cli("check")
    assert run.code == 1
    lines = [line for line in run.lines if line.startswith("content/pages/")]
    assert [line.split(": ")[0] for line in lines] == [
        "content/pages/contacts.txt:3",
        "content/pages/contacts.txt:3",
        "content/pages/data.csv:2",
        "content/pages/map.svg:1",
        "content/pages/minutes.pdf:1",
        "content/pages/photo.jpg:1",
    ]
    assert "image holds metadata (EXIF" in run.out
    for name in ("contacts.txt", "data.csv", "map.svg", "photo.jpg", "minutes.pdf"):
        (pages / name).unlink()
    site = build_site(project)
    assert (site / "clean.png").is_file()


def test_a_page_in_the_search_index_folder_is_refused_not_left_unscanned(project: Path, cli) -> None:
    """Every build replaces `pagefind/` with the index, and the built site's scan leaves the index alone; in any
    case, as a host that ignores case (Windows, some object stores) would serve `Pagefind/` as `pagefind/`."""
    pages = project / "content/pages"
    for folder in ("pagefind", "pagefind-2", "PAGEFIND-4"):
        (pages / folder).mkdir()
        (pages / folder / "notes.md").write_text("# Notes\n\nA clean page.\n")
    (pages / "alias").symlink_to("pagefind")  # walked first: the folder is refused all the same
    (pages / "pagefind-3.md").write_text("# Notes\n\nA clean page.\n")  # published as pagefind-3/index.html
    (pages / "Pagefind.md").write_text("# Notes\n\nA clean page.\n")
    (pages / "pagefind-notes.md").write_text("# Pagefind notes\n\nA clean page.\n")
    run = cli("check")
    assert run.code == 1
    assert sorted(line for line in run.lines if "search index's folder" in line) == [
        "content/pages/PAGEFIND-4:1: is the search index's folder, which every build replaces; move what is in it to another folder",
        "content/pages/Pagefind.md:1: would be published as the search index's folder; rename it",
        "content/pages/pagefind-2:1: is the search index's folder, which every build replaces; move what is in it to another folder",
        "content/pages/pagefind-3.md:1: would be published as the search index's folder; rename it",
        "content/pages/pagefind:1: is the search index's folder, which every build replaces; move what is in it to another folder",
    ]


# --- names: pseudonyms and the allow list ----------------------------------------------------------------------


def test_a_public_name_passes_only_when_the_allow_list_gives_a_reason(project: Path, cli) -> None:
    write(project, "content/audits/review.md", planted("The review after Victoria Climbié changed practice."))
    assert cli("check").code == 0  # the fixture's allowed_names.yml lists her, with a reason
    write(project, "content/audits/other.md", planted("Victoria Smith, aged 7, was seen at home."))
    run = cli("check")
    assert run.code == 1
    assert "content/audits/other.md:15: privacy: name: Vi•••••• •••th" in run.out
    (project / "content/allowed_names.yml").write_text("- name: Victoria Climbié\n- name: Jo\n  reason: ''\n")
    run = cli("check")
    assert "content/allowed_names.yml:1: 'Victoria Climbié' needs 'reason: <why it may be published>'" in run.out
    assert "content/allowed_names.yml:2: 'Jo' needs 'reason: <why it may be published>'" in run.out
    assert "content/audits/review.md:15: privacy: name: Vi•••••• •••••ié" in run.out


def test_a_pseudonym_covers_only_itself_not_a_real_surname_beside_it(project: Path) -> None:
    text = planted("Jordan said he felt safe. Jordan Smith, aged 7, did not.")
    write(project, "content/audits/p.md", text.replace("status: published", "status: published\npseudonyms: [Jordan]"))
    problems = [str(p) for p in check(project, "content").problems]
    assert [p.split(" (")[0] for p in problems] == ["content/audits/p.md:16: privacy: name: Jo•••• •••th"]


def test_a_baby_named_by_a_declared_pseudonym_passes_and_by_a_surname_does_not(project: Path) -> None:
    text = planted("Baby Whitfield was discharged home. Baby Ashdown was not.")
    write(project, "content/audits/b.md", text.replace("status: published", "status: published\npseudonyms: [Baby Whitfield]"))
    problems = [str(p) for p in check(project, "content").problems]
    assert [p.split(" (")[0] for p in problems] == ["content/audits/b.md:16: privacy: name: Ba•• •••••wn"]


def test_a_child_named_by_a_declared_pseudonym_passes_but_the_day_it_reached_18_does_not(project: Path) -> None:
    """The day a child reached an age was read as a birthday only after a stand-in ("Child A became 18 on"), not after the
    pseudonym the audit declares for the child."""
    text = planted("Kayden became 18 on 12/03/2025. Kayden, who is in care, will be 18 on 14 June 2026.")
    write(project, "content/audits/k.md", text.replace("status: published", "status: published\npseudonyms: [Kayden]"))
    problems = [str(p).split(" (")[0] for p in check(project, "content").problems]
    assert problems == [
        "content/audits/k.md:16: privacy: date-of-birth: be•••• •• •• ••/••/••25",
        "content/audits/k.md:16: privacy: date-of-birth: wi•• •• •• •• •• •••• ••26",
    ], problems


# --- allowances stay on their own line ---------------------------------------------------------------------------


def test_an_allowance_lets_a_detail_through_only_where_it_was_written(project: Path, cli) -> None:
    allowed = (
        "Out of hours: 0161 496 0000 / 07700 900123. "
        '<!-- privacy: allow "0161 496 0000" reason: duty line --> <!-- privacy: allow "07700 900123" reason: on-call line -->'
    )
    write(project, "content/audits/allowed.md", planted(allowed))
    assert cli("build").code == 0
    template = project / "overrides/partials/copyright.html"
    template.write_text(
        template.read_text().replace('<div class="md-copyright">', '<div class="md-copyright">\n<p>07700 900123</p>')
    )
    run = cli("build")
    assert run.code == 1
    assert "overrides/partials/copyright.html:4: privacy: phone: 07••• ••••23 reached the built site" in run.out


def test_an_allowance_is_only_a_comment_and_its_reason_is_read(project: Path) -> None:
    write(project, "content/audits/marker.md", planted('Mum said privacy: allow "zz" reason: call 07700 900123 after six.'))
    write(project, "content/audits/reason.md", planted('Text. <!-- privacy: allow "zz" reason: Tyler Whitfield said so -->'))
    problems = [
        (p.path, p.message.split(": ")[1])
        for p in check(project, "content").problems
        if "/marker" in p.path or "/reason" in p.path
    ]
    assert problems == [("content/audits/marker.md", "phone"), ("content/audits/reason.md", "name")]


@pytest.mark.parametrize(
    "pseudonym", ["Tyler Whitfield", "Whitfield Tyler", "Child Tyler Whitfield", "Kelly Green", "Mrs Whitfield", "K. Whitfield"]
)
def test_a_pseudonym_that_looks_like_a_real_name_is_refused(project: Path, pseudonym: str) -> None:
    """A pseudonym covers every name within it, in any order: one that holds a real-looking name let a child's or a
    parent's real name through, with a warning only (the fix for a name said to declare it under pseudonyms)."""
    declared = f"status: published\npseudonyms: [Child A, {pseudonym}]"
    text = planted("Tyler Whitfield was seen at home.").replace("status: published", declared)
    write(project, "content/audits/real.md", text)
    problems = [str(p) for p in check(project, "content").problems if "real.md" in p.path]
    assert [p for p in problems if "privacy: pseudonym:" in p and "a pseudonym must be invented" in p], problems
    write(
        project, "content/audits/real.md", planted("Nothing.").replace("status: published", declared.replace(pseudonym, "Twin B"))
    )
    result = check(project, "content")
    assert not [str(p) for p in [*result.problems, *result.warnings] if "real.md" in p.path and "pseudonym:" in str(p)]


def test_front_matter_is_read_as_yaml_decodes_it(project: Path) -> None:
    text = planted("Nothing here.").replace(
        "summary: A valid summary.", 'summary: "Mum on 07700\\u00a0900123, jane\\x40example.org"'
    )
    write(project, "content/audits/escaped.md", text)
    problems = [(p.line, p.message.split(": ")[1]) for p in check(project, "content").problems if "escaped" in p.path]
    assert problems == [(10, "phone"), (10, "email")]


@pytest.mark.parametrize(
    "body",
    [
        "The Tyler Whitfield Centre ran the sessions.",
        'Named for Tyler Whitfield. <!-- privacy: allow "Tyler Whitfield" reason: the family asked for it here -->',
    ],
)
def test_an_escaped_title_is_read_in_its_own_words_whatever_the_body_holds(project: Path, body: str) -> None:
    """The body's words (an organisation named after a child, an allowance on its own line) never let the same name
    through in the title, where it is shown alone on every listing, the feed and the open data."""
    text = planted(body, title='"Tyler\\x20Whitfield"')
    write(project, "content/audits/escaped.md", text)
    problems = [(p.line, p.message.split(": ")[1]) for p in check(project, "content").problems if "escaped" in p.path]
    assert (2, "name") in problems, problems


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ('"Tyler\\x20Whitfield"', "summary: Families were seen at the Tyler Whitfield Centre, and their records were read."),
        (
            '"Learning from Anne Longfield and Tyler\\x20Whitfield"  # privacy: allow "Anne Longfield" reason: public figure',
            "summary: A valid summary.",
        ),
    ],
)
def test_an_escaped_title_is_read_whatever_the_rest_of_the_front_matter_holds(project: Path, title: str, summary: str) -> None:
    """The same words written elsewhere in the front matter, or another name allowed on the title's line, never let
    the escaped name through."""
    text = planted("Nothing here.", title=title).replace("summary: A valid summary.", summary)
    write(project, "content/audits/escaped.md", text)
    problems = [(p.line, p.message.split(": ")[1]) for p in check(project, "content").problems if "escaped" in p.path]
    assert (2, "name") in problems, problems


def test_a_detail_in_a_folded_value_is_reported_once_at_its_own_line(project: Path) -> None:
    """It was reported at the value's line and again at its key's, as if there were two."""
    text = planted("Nothing here.").replace("summary: A valid summary.", "summary: >\n  Ring 07700 900461 for the notes.")
    write(project, "content/audits/folded.md", text)
    problems = [(p.line, p.message.split(": ")[1]) for p in check(project, "content").problems if "folded" in p.path]
    line = text.split("\n").index("  Ring 07700 900461 for the notes.") + 1
    assert problems == [(line, "phone")], problems


@pytest.mark.parametrize("boundary", ["---", "--- \t", "----"])
def test_a_pages_front_matter_is_read_as_yaml_decodes_it(project: Path, boundary: str) -> None:
    """However its `---` lines are written (spaces after them, more dashes), as the engine reads them."""
    page = f'{boundary}\ntitle: "Learning from Tyler\\x20Whitfield"\n{boundary}\n\n# Learning\n\nText.\n'
    write(project, "content/pages/learning.md", page)
    problems = [(p.line, p.message.split(": ")[1]) for p in check(project, "content").problems if "learning" in p.path]
    assert (2, "name") in problems, problems


def test_a_file_name_is_an_address_and_is_read_too(project: Path) -> None:
    write(project, "content/audits/2024-06-tyler-smith-nn4-8re.md", planted("Nothing here."))
    messages = [p.message for p in check(project, "content").problems if "tyler" in p.path]
    assert [m.split(": ")[1] for m in messages] == ["postcode in the file name", "name in the file name"]
    assert "rename the file" in messages[0]


def test_a_json_file_saved_with_a_byte_order_mark_is_read(project: Path, cli) -> None:
    """Notepad saves UTF-8 with a byte-order mark: still UTF-8, read as it is, its details found."""
    (project / "content/pages/contacts.json").write_bytes(b'\xef\xbb\xbf{"team": "Safeguarding partnership"}')
    assert cli("build", "--pdf", "skip").code == 0
    (project / "content/pages/contacts.json").write_bytes(b'\xef\xbb\xbf{"duty": "Ring 07700 900444"}')
    run = cli("build", "--pdf", "skip")
    assert run.code == 1 and "privacy: phone: 07••• ••••44" in run.out


def test_a_word_files_parts_are_all_read_whatever_they_are_named(project: Path, cli) -> None:
    """Word reads the part its content types name, `word/body.dat` as readily as `word/document.xml`."""
    with zipfile.ZipFile(project / "overrides/assets/report.docx", "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        body = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        archive.writestr("word/body.dat", body + "<w:t>Call 07700 900444.</w:t></w:r></w:p></w:body></w:document>")
    run = cli("build", "--pdf", "skip")
    assert run.code == 1 and "site/assets/report.docx:1: privacy: phone: 07••• ••••44 reached the built site" in run.out


@pytest.mark.parametrize("name", ["Tyler Smith.png", "TylerSmith.png", "tyler+smith.png", "tyler,smith.png"])
def test_a_pictures_name_is_read_whatever_parts_its_words(project: Path, name: str) -> None:
    (project / "content/pages/img").mkdir()
    Image.new("RGB", (4, 4)).save(project / "content/pages/img" / name)
    problems = [p.message.split(": ")[1] for p in check(project, "content").problems if p.path.endswith(name)]
    assert problems == ["name in the file name"]


def test_a_pictures_or_a_folders_name_beside_the_pages_is_an_address_and_is_read_too(project: Path) -> None:
    """A picture's name and a folder's are in its address (`/tyler-smith/notes/`, the sitemap), as a page's is."""
    write(project, "content/pages/tyler-smith/notes.md", "# Notes\n\nNothing here.\n")
    (project / "content/pages/img").mkdir()
    Image.new("RGB", (4, 4)).save(project / "content/pages/img/2024-tyler-smith.png")
    problems = [(p.path, p.message.split(": ")[1]) for p in check(project, "content").problems if "smith" in p.path]
    assert problems == [
        ("content/pages/img/2024-tyler-smith.png", "name in the file name"),
        ("content/pages/tyler-smith", "name in the file name"),
    ]


def test_a_file_name_naming_a_family_by_its_surname_is_refused(project: Path) -> None:
    write(project, "content/audits/2024-06-the-smith-family.md", planted("Nothing here."))
    write(project, "content/audits/2024-06-family-hubs.md", planted("Nothing here."))
    problems = [(p.path, p.message.split(": ")[1]) for p in check(project, "content").problems if "family" in p.path]
    assert problems == [("content/audits/2024-06-the-smith-family.md", "name in the file name")]


def test_a_previous_slug_naming_a_family_is_refused_as_its_file_name_would_be(project: Path, cli) -> None:
    """A file renamed away from a family's name keeps its old name as an address if it is listed in previous_slugs."""
    text = planted("Nothing here.").replace(
        "status: published", "status: published\nprevious_slugs: [2024-tyler-smith, the-smith-family, older]"
    )
    write(project, "content/audits/2024-06-neglect.md", text)
    run = cli("build", "--pdf", "skip")
    assert run.code == 1
    found = [line for line in run.out.split("\n") if "in a previous slug" in line]
    assert [line.split(": privacy: ")[0] for line in found] == ["content/audits/2024-06-neglect.md:6"] * 2
    assert "remove it from previous_slugs" in found[0]
    assert not (project / "site").exists()


def test_the_taxonomy_is_read_for_names_as_a_page_is(project: Path) -> None:
    """A theme's questions and labels are shown on its page: a name there is published as surely as in an audit."""
    taxonomy = project / "content/taxonomy.yml"
    text = taxonomy.read_text().replace("Who else knows this family?", "What would Kayleigh Brown have told you?")
    taxonomy.write_text(text)
    line = text.split("\n").index("      - What would Kayleigh Brown have told you?") + 1
    problems = [(p.path, p.line, p.message.split(": ")[1]) for p in check(project, "content").problems]
    assert problems == [("content/taxonomy.yml", line, "name")]


def test_the_settings_are_read_for_names_which_the_built_site_scan_cannot_judge(project: Path, cli) -> None:
    """The footer's copyright line is shown on every page: a child's name there stops the build at its line in the
    settings. Its other details are the built site's scan's, so the settings' own phone number passes."""
    assert cli("build", "--pdf", "skip").code == 0
    before = tree_digest(project / "site")
    settings = project / "mkdocs.yml"
    text = settings.read_text()
    settings.write_text(text.replace("site_url:", "copyright: Written with Tyler Whitfield's mum\nsite_url:", 1))
    line = settings.read_text().split("\n").index("copyright: Written with Tyler Whitfield's mum") + 1
    for command in ("check", "build"):
        run = cli(command, "--pdf", "skip") if command == "build" else cli(command)
        assert run.code == 1
        assert f"mkdocs.yml:{line}: privacy: name: Ty••• ••••••••d's" in run.out + run.err
    assert tree_digest(project / "site") == before
    settings.write_text(text.replace("site_url:", "copyright: Written with the partnership's QA team\nsite_url:", 1))
    assert cli("check").code == 0


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("    description: Persistent neglect, as the review of Tyler\n      Whitfield showed.", "folded"),
        ('    description: "What would \\x53haron Whitfield have said?"', "escaped"),
    ],
)
def test_the_taxonomy_is_read_as_yaml_decodes_it(project: Path, cli, written: str, shown: str) -> None:
    """A value folded over two lines, or written with an escape, shows a whole name on the theme's page."""
    taxonomy = project / "content/taxonomy.yml"
    text = taxonomy.read_text()
    old = next(line for line in text.split("\n") if line.startswith("    description: Persistent failure"))
    taxonomy.write_text(text.replace(old, written))
    line = text.split("\n").index(old) + 1
    run = cli("check")
    assert run.code == 1
    assert f"content/taxonomy.yml:{line}: privacy: name: " in run.out, shown


def test_a_yaml_file_beside_the_pages_is_read_as_it_decodes(project: Path, cli) -> None:
    write(project, "content/pages/contacts.yml", 'duty: "Ring 07700\\x20900123, or ask for \\x53haron Whitfield"\n')
    run = cli("check")
    assert run.code == 1
    assert "content/pages/contacts.yml:1: privacy: phone: " in run.out
    assert "content/pages/contacts.yml:1: privacy: name: " in run.out


def test_a_linked_folder_inside_the_repository_is_read_like_any_other(project: Path) -> None:
    private = project / "private"
    private.mkdir()
    (private / "notes.md").write_text("# Notes\n\nTyler Smith was seen at home.\n")
    (project / "content/pages/linked").symlink_to(private)
    problems = [str(p) for p in check(project, "content").problems if "linked" in p.path]
    assert [p.split(": privacy: ")[1].split(":")[0] for p in problems] == ["name"]


@pytest.mark.parametrize(
    ("what", "data"),
    [
        ("a private chunk", lambda png: png[:-12] + (4).to_bytes(4, "big") + b"prVt" + b"Tyle" + b"\x00" * 4 + png[-12:]),
        ("data after the end", lambda png: png + b"Tyler Smith, 14 Laburnum Close"),
    ],
)
def test_an_image_carrying_anything_besides_its_picture_is_refused(project: Path, what: str, data) -> None:
    (project / "content/pages/logo.png").write_bytes(data(_image("PNG", exif=False)))
    problems = [p.message for p in check(project, "content").problems if p.path.endswith("logo.png")]
    assert len(problems) == 1 and problems[0].startswith("image carries more than its picture")


def _png_claiming(width: int, height: int) -> bytes:
    """A PNG's header claiming a size no reader should decode (a decompression bomb): a few bytes on disk."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def test_a_bomb_among_the_pages_is_refused_not_a_crash(project: Path) -> None:
    (project / "content/pages/huge.png").write_bytes(_png_claiming(100_000, 100_000))
    problems = [p.message for p in check(project, "content").problems if p.path.endswith("huge.png")]
    assert problems == ["is not an image that can be read; save it again as PNG or JPEG"]


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("photo.jpg", lambda: _image("JPEG", exif=True), "image holds metadata (EXIF"),
        ("logo.png", lambda: _image("PNG", exif=False) + b"Tyler Smith, 14 Laburnum Close", "image carries more than"),
        ("icon.PNG", lambda: b"TEL:07700 900123\n", "is not an image that can be read"),
        ("huge.png", lambda: _png_claiming(100_000, 100_000), "is not an image that can be read"),
    ],
)
def test_a_theme_picture_carrying_more_than_its_picture_is_refused(project: Path, cli, name: str, data, said: str) -> None:
    """The theme's pictures are published as they are: the built site's check asks of them what the content check
    asks of a page's (where, when and by whom a photo was taken; text hidden after it; text named as a picture)."""
    (project / "overrides/assets" / name).write_bytes(data())
    run = cli("build", "--pdf", "skip")
    assert run.code == 1, run.out
    assert f"site/assets/{name}:1: {said}" in run.out
    assert not (project / "site").exists()


def test_an_allowed_detail_may_reach_its_own_page_only(project: Path, cli) -> None:
    """An allowance in the summary: the summary is on listings too, where the allowance does not reach."""
    allowance = 'summary: "Duty line 0161 496 0000."  # privacy: allow "0161 496 0000" reason: public duty line'
    write(project, "content/audits/allowed.md", planted("Nothing here.").replace("summary: A valid summary.", allowance))
    run = cli("build")
    assert run.code == 1
    assert "content/audits/allowed.md:10: privacy: phone: 01•• ••• ••00 reached the built site beyond its own page" in run.out
    assert "(site/briefings/allowed/" not in run.out  # its own page is allowed; a listing is not


@pytest.mark.parametrize("slug", ["site", "2016-17", "archive"])
def test_an_allowance_never_reaches_a_page_whose_address_merely_holds_its_file_name(project: Path, cli, slug: str) -> None:
    """Named like the site's folder, a year or a section, an audit's allowance still covers its own page only."""
    allowance = 'summary: "Duty line 0161 496 0000."  # privacy: allow "0161 496 0000" reason: public duty line'
    text = (
        planted("Nothing here.").replace("summary: A valid summary.", allowance).replace("date: 2024-05-01", "date: 2016-05-01")
    )
    write(project, f"content/audits/{slug}.md", text)
    run = cli("build", "--pdf", "skip")
    assert run.code == 1, run.out
    assert f"content/audits/{slug}.md:10: privacy: phone: 01•• ••• ••00 reached the built site beyond its own page" in run.out


def test_an_elements_id_or_name_is_read_in_a_page_and_in_the_built_site(project: Path, cli) -> None:
    """Each is in the address of every link to the element: `<span id="nn4-8re-22-acacia-avenue">` was published."""
    about = project / "content/pages/about.md"
    about.write_text(
        about.read_text() + '\nSee <span id="nn4-8re-22-acacia-avenue">here</span>.\n\n<a name="tel07700900121"></a>\n'
    )
    lines = about.read_text().count("\n")
    run = cli("check")
    assert run.code == 1
    assert f"content/pages/about.md:{lines - 2}: privacy: postcode" in run.out, run.out
    assert f"content/pages/about.md:{lines}: privacy: phone" in run.out, run.out
    about.write_text(about.read_text().split("\nSee <span")[0])
    template = project / "overrides/partials/copyright.html"
    template.write_text(template.read_text() + '\n<div id="tel07700900121"></div>\n')
    line = template.read_text().count("\n")
    run = cli("build", "--pdf", "skip")
    assert run.code == 1 and f"copyright.html:{line}: privacy: phone: 07•••••••21 reached the built site" in run.out, run.out


def test_any_attribute_of_a_template_that_could_hold_a_detail_is_read_in_the_built_site(project: Path, cli) -> None:
    """A page's HTML is cleaned of such attributes; a template's are published as written: `data-phone="07700 900121"`,
    a class, a download's name, a link's target, each on every page."""
    template = project / "overrides/partials/copyright.html"
    planted = [
        '<span data-phone="07700 900121">.</span>',
        '<span class="tel-07700-900122 note">.</span>',
        '<a href="#top" download="family-nn4-8re.pdf">.</a>',
        '<a href="#top" target="tylermum2011@gmail.com">.</a>',
        '<span data-dob="12/03/2015">.</span>',
    ]
    template.write_text(template.read_text() + "\n" + "\n".join(planted) + "\n")
    run = cli("build", "--pdf", "skip")
    assert run.code == 1
    for kind in ("phone: 07••• ••••21", "phone: 07•••-••••22", "postcode: n••-••e", "email: ty", "date-of-birth"):
        assert f"privacy: {kind}" in run.out, run.out


def test_text_a_stylesheet_shows_is_read(project: Path, cli) -> None:
    """As the reader's browser decodes it: escaped digits (`\\37` is 7) hide the number from a stylesheet's source.
    The theme's stylesheets are decoded in the content check; a page's, published with the pages, in the built site."""
    rule = '.duty::after { content: "Ring 0\\37\\37 00 9\\30 0123"; }\n'
    write(project, "overrides/assets/stylesheets/extra.css", rule)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("extra_css:", "extra_css:\n  - assets/stylesheets/extra.css", 1))
    run = cli("build")
    assert run.code == 1 and "overrides/assets/stylesheets/extra.css:1: privacy: phone: 07••• ••••23" in run.out, run.out
    (project / "overrides/assets/stylesheets/extra.css").unlink()
    write(project, "content/pages/assets/stylesheets/extra.css", rule)
    run = cli("build")
    assert run.code == 1 and "privacy: phone: 07••• ••••23 reached the built site" in run.out, run.out


@pytest.mark.parametrize(
    "name",
    [
        *["notes.TXT", "contacts.yml", "contacts.YAML", "team.tsv", "team.vcf", "team.ics", "team.rss", "team.xhtml", "TEAM"],
        *["leaflet.PDF", "notes.txt.gz"],  # named as kinds the checks do not read, text all the same
    ],
)
def test_a_theme_file_whatever_its_type_or_case_is_read_in_the_built_site(project: Path, cli, name: str) -> None:
    """A server sends NOTES.TXT as text and contacts.yml as a file anyone can open: the built site's scan reads them."""
    extra = project / "overrides/assets" / name
    extra.parent.mkdir(parents=True, exist_ok=True)
    extra.write_text("duty: Ring 07700 900123 for the family\n")
    run = cli("build", "--pdf", "skip")
    assert run.code == 1, run.out
    assert f"overrides/assets/{name}:1: privacy: phone: 07••• ••••23 reached the built site" in run.out


def test_a_theme_folder_inside_the_search_index_folder_is_refused(project: Path, cli) -> None:
    """The built site's checks pass over the search index's folders: the theme may put nothing there."""
    (project / "overrides/pagefind-2").mkdir()
    (project / "overrides/pagefind-2/card.txt").write_text("TEL:07700 900123\n")
    run = cli("build", "--pdf", "skip")
    assert run.code == 1 and "overrides/pagefind-2:1: would be published inside the search index's folder" in run.out
    assert not (project / "site").exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("team.vcf", "duty: Ring 07700 900123\n".encode("utf-16")),
        ("team.xlsx", b"PK\x03\x04\x14\x00\x08\x00\xff\xfe"),
        ("notes.csv.gz", gzip.compress(b"duty,07700 900123\n")),
        ("leaflet.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Author (Ring 07700 900123) >> endobj\n"),
    ],
)
def test_a_theme_file_the_checks_cannot_read_as_text_is_refused(project: Path, cli, name: str, data: bytes) -> None:
    """A file of a kind the checks do not know, which is not text they can read (another encoding, a spreadsheet),
    is refused, as it is among the pages: anyone can download it."""
    (project / "overrides/assets" / name).write_bytes(data)
    run = cli("build", "--pdf", "skip")
    assert run.code == 1, run.out
    suffix = name.rsplit(".", 1)[1]
    assert f"site/assets/{name}:1: the privacy checks cannot read a file of this kind (.{suffix})" in run.out


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("card.svg", "<svg><text>Ring 07700 900123</text></svg>".encode("utf-16"), "it is not UTF-8 text"),
        ("notes.TXT", "duty: Ring 07700 900123\n".encode("utf-16"), "it is not UTF-8 text"),
        ("styles.css", '.x::after { content: "Ring 07700 900123"; }'.encode("cp1252") + b"\x93", "it is not UTF-8 text"),
        ("contacts.json", b'{"duty": "Ring 07700 900123"', "JSONDecodeError: Expecting ',' delimiter"),
        ("report.docx", b"PK but no archive", "BadZipFile: File is not a zip file"),
        (
            "plain.svg",
            '<?xml version="1.0" encoding="UTF-16"?><svg><text>Ring 07700 900444</text></svg>'.encode("utf-16-le"),
            "it holds NUL bytes",
        ),
        (
            "jis.svg",
            b'<?xml version="1.0" encoding="ISO-2022-JP"?><svg><text>\x1b$B#0#7#7#0#0\x1b(B</text></svg>',
            "it declares the encoding ISO-2022-JP, not UTF-8",
        ),
    ],
)
def test_a_theme_file_of_a_kind_the_checks_read_that_cannot_be_read_is_refused_by_name(
    project: Path, cli, name: str, data: bytes, why: str
) -> None:
    """A theme's drawing saved as UTF-16, a JSON file cut short: refused at the file, with why, not with a bare
    decoding error that names no file (a stylesheet in the content check, which reads the theme's)."""
    (project / "overrides/assets" / name).write_bytes(data)
    run = cli("build", "--pdf", "skip")
    assert run.code == 1, run.out
    refused = f"overrides/assets/{name}:1: the privacy checks cannot read this file, which is published as it is: {why}"
    assert (
        refused if name.endswith(".css") else f"site/assets/{name}:1: the privacy checks cannot read this file ({why}"
    ) in run.out
    assert not (project / "site").exists()


@pytest.mark.parametrize(
    "line",
    [
        'Learning from `<!-- privacy: allow "Tyler Whitfield" reason: see below -->` and more.',
        'The review # privacy: allow "Sharon Whitfield, mother of Tyler Whitfield" reason: ok',
    ],
)
def test_an_allowance_that_allows_nothing_cannot_carry_a_name_out(project: Path, cli, line: str) -> None:
    """A marker is published wherever it is shown as written (a code span, text after '#', a data file): where it
    allows nothing, its quoted text is read like any other, and the build stops."""
    write(project, "content/audits/marker.md", planted(line))
    run = cli("build", "--pdf", "skip")
    assert run.code == 1
    assert f"content/audits/marker.md:{PLANTED_LINE}: privacy: allowance for " in run.out
    assert "is itself identifying (name)" in run.out and "Whitfield" not in run.out


def test_an_allowance_in_a_data_file_beside_the_pages_cannot_carry_details_out(project: Path, cli) -> None:
    write(project, "content/pages/contact.yml", '# privacy: allow "Mum Sharon Whitfield, 07700 900123" reason: none\nkey: 1\n')
    run = cli("check")
    assert run.code == 1
    assert "content/pages/contact.yml:1: privacy: allowance for" in run.out
    assert "is itself identifying (name, phone)" in run.out


def test_a_spreadsheet_beside_the_pages_is_read_by_its_columns(project: Path, cli) -> None:
    """A CSV file's cells are read as a table's: a column headed "First name" holds names, whatever they are."""
    write(project, "content/pages/children.csv", "First name,Surname,School\nTyler,Whitfield,Oakfield\nChild A,n/k,Oakfield\n")
    write(project, "content/pages/totals.csv", 'Year,Agency,Cases,Themes\n2024,Police,12,"Neglect, Domestic abuse"\n')
    run = cli("check")
    assert run.code == 1
    found = {(p.split(": privacy: ")[0], p.split(": ")[2]) for p in run.out.split("\n") if ": privacy: name: " in p}
    assert found == {("content/pages/children.csv:2", "name")}
    assert "totals.csv" not in run.out


@pytest.mark.parametrize(
    "text",
    [
        "[Tyler](#a) Whitfield was seen at home.",
        "*Tyler*{: .note } Whitfield was seen at home.",
        'Seen at home{: title="Tyler Whitfield" } today.',
        "![Tyler Whitfield](photo.png) at home.",
    ],
)
def test_a_hand_written_page_is_read_as_its_links_and_attribute_lists_show_it(project: Path, text: str) -> None:
    """A link's text runs on into the words after it; an attribute list (on for hand-written pages) is not shown,
    and a title or an image's text is read beside the line."""
    write(project, "content/pages/notes.md", f"# Notes\n\n{text}\n")
    problems = [(p.line, p.message.split(": ")[1]) for p in check(project, "content").problems if "notes.md" in p.path]
    assert problems == [(3, "name")]
