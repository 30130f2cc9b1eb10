"""Readers and fresh letters shared by the ingest shape tests (test_ingest_*.py).

Every letter here is fresh and fictional.
"""

from __future__ import annotations

from draftkit.ingest import ingest_text
from draftkit.schema import Letter


def _letter(text: str) -> Letter:
    result = ingest_text(text)
    assert result.letter is not None, result.reason
    return result.letter


def _people(letter: Letter) -> list[tuple[str | None, str | None, list[str], list[str]]]:
    return [(a.honorific, a.name, a.title_lines, a.address_lines) for a in letter.addressees]


def _signers(letter: Letter) -> list[tuple[str, str, list[str], str | None]]:
    return [(s.name, s.kind, s.title_lines, s.organization) for s in letter.signatories]


COURT_LETTER = """\
Opening the Record
to Every Reader

9 March 2023

Harriet Oduya, Clerk of Court
Court of Appeals for the Ninth District
400 Meridian Avenue
Portland, OR 97204

Re: Publishing argument transcripts

To the Court:

We write as a library consortium that keeps public court records for researchers and
the press. We welcome the Court's decision to publish argument transcripts.

We ask that the Court publish the transcripts of the last five years as well, so that
readers can follow how the Court's practice has developed.

Thank you for your consideration,

Tomasz Wierzbicki
Director, Open Records Library Consortium

CC: Senator Lydia Carrow, Chair, Committee on the Judiciary
Senator Bram Okafor, Member, Committee on the Judiciary
Representative Inés Solano, Ranking Member, Subcommittee on Courts
"""


TWO_COLUMN_HEAD = (
    "2 August 2024\n\n"
    "Senator the Honorable Maria Kovac\tHonorable Daniel Reid MP\n"
    "President of the Senate\tSpeaker of the House\n"
    "Parliament House\tParliament House\n"
    "Canberra ACT 2600\tCanberra ACT 2600\n\n"
    "cc: Honorable Alan Briggs MP\tcc: Honorable Sara Lim MP\n"
    "Minister for Communications\tShadow Minister for Communications\n\n"
    "Dear President and Speaker,\n\n"
    "We write as organisations and researchers concerned that the proposed access bill would\n"
    "weaken the security of every device sold in the country, and we ask that it be withdrawn.\n\n"
    "Sincerely,\n\n"
    "ORGANISATIONS\n\n"
    "Open Networks Alliance\n"
    "Privacy Matters\n"
    "Secure Futures Lab\n\n"
    "[1] See the committee's report of 2023, https://example.org/report.html.\n"
    "[2] https://example.org/submissions/bill-2024.html.\n\n"
    "INDIVIDUALS\tAffiliations for identification purposes only\n\n"
    "Dr. Helen Marsh\n"
    "Professor Tom Okoye\n"
    "Lina Petrakis\n"
    "Samuel Ortiz\n"
    "Grace Whitfield\n"
)


SIGNER_HEAD = """\
Dear Senator Alvarez,

We write to urge you to support the clean water bill when it reaches the floor next week.

Sincerely,

"""


PETITION_TO_COLLECTOR = """\
To,
The Block Development Officer,
Hadapsar Block,
Panchayat Samiti Office,
Pune - 411028.

Sub: Repair of the culvert on the school road at Manjri.

Respected Sir,

The culvert on the school road collapsed in the rains of 14.07.2024 and the children now
walk through the stream to reach the school.

We request you to sanction the repair before the schools reopen.

Yours faithfully,

For Manjri Parents Committee

1. Smt. Meera Jagtap
2. Shri Ganesh Shinde

Place: Pune
Date: 05/08/2024

Copy to:
1. The Sarpanch, Gram Panchayat Manjri.
2. The Headmaster, Zilla Parishad School, Manjri.
"""
