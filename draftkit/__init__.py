"""draftkit: draft formal advocacy letters from structured specs.

The public API. Everything a user needs is importable from here; the modules behind it
are implementation detail. Heavy dependencies (python-docx, Jinja2, SQLite) load only
when the function that needs them is called.

The package imports nothing heavy at start-up (``draftkit --help`` stays fast): each
public name is loaded from its module on first access (PEP 562).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from draftkit._version import __version__

if TYPE_CHECKING:
    from draftkit.build import (
        BuildResult,
        prepare_letter,
        render_spec,
    )
    from draftkit.check import (
        CheckReport,
        Finding,
        annotate_docx,
        check_file,
        check_letter,
        check_merge,
    )
    from draftkit.clauses import (
        Clause,
        ClauseLibrary,
        HarvestReport,
        SearchHit,
        SourceInfo,
    )
    from draftkit.compose import (
        ComposeResult,
        TemplateSet,
        TemplateVariable,
        VariantInfo,
        compose_letter,
        list_variants,
        new_variant,
        render_string,
        scaffold_spec,
        variant_info,
    )
    from draftkit.config import (
        ProjectConfig,
        load_config,
    )
    from draftkit.errors import (
        ClauseError,
        DraftkitError,
        IngestError,
        OutputError,
        OutputExistsError,
        ProtocolError,
        RenderError,
        SpecError,
        TemplateError,
    )
    from draftkit.files import (
        dump_letter,
        load_letter,
        parse_letter,
        write_bytes_atomic,
        write_text_atomic,
    )
    from draftkit.ingest import (
        IngestResult,
        ingest_bytes,
        ingest_file,
        ingest_text,
    )
    from draftkit.merge import (
        MergedLetter,
        MergeResult,
        MergeRow,
        mail_merge,
        merge_letters,
    )
    from draftkit.protocol import (
        AddressForms,
        OfficeRow,
        address_forms,
        combined_salutation,
        default_punctuation,
        get_office,
        offices,
        surname_of,
    )
    from draftkit.provenance import (
        Provenance,
        provenance_properties,
        read_provenance,
    )
    from draftkit.recipients import (
        Recipient,
        load_recipients,
    )
    from draftkit.render import (
        STYLES,
        format_for_path,
        render_bytes,
        render_docx,
        render_docx_many,
        render_markdown,
        render_pdf,
        render_text,
        render_to_file,
    )
    from draftkit.schema import (
        Addressee,
        Ask,
        ClauseRef,
        Letter,
        LetterOptions,
        ProvenanceEntry,
        Sender,
        Signatory,
    )
    from draftkit.signatories import (
        SignatoryCounts,
        SignatoryImport,
        count_mismatches,
        count_signatories,
        count_text,
        order_signatories,
        read_signatories,
    )


_EXPORTS: dict[str, str] = {
    "AddressForms": "draftkit.protocol",
    "Addressee": "draftkit.schema",
    "Ask": "draftkit.schema",
    "BuildResult": "draftkit.build",
    "CheckReport": "draftkit.check",
    "Clause": "draftkit.clauses",
    "ClauseError": "draftkit.errors",
    "ClauseLibrary": "draftkit.clauses",
    "ClauseRef": "draftkit.schema",
    "ComposeResult": "draftkit.compose",
    "DraftkitError": "draftkit.errors",
    "Finding": "draftkit.check",
    "HarvestReport": "draftkit.clauses",
    "IngestError": "draftkit.errors",
    "IngestResult": "draftkit.ingest",
    "Letter": "draftkit.schema",
    "LetterOptions": "draftkit.schema",
    "MergeResult": "draftkit.merge",
    "MergeRow": "draftkit.merge",
    "MergedLetter": "draftkit.merge",
    "OfficeRow": "draftkit.protocol",
    "OutputError": "draftkit.errors",
    "OutputExistsError": "draftkit.errors",
    "ProjectConfig": "draftkit.config",
    "ProtocolError": "draftkit.errors",
    "Provenance": "draftkit.provenance",
    "ProvenanceEntry": "draftkit.schema",
    "Recipient": "draftkit.recipients",
    "RenderError": "draftkit.errors",
    "STYLES": "draftkit.render",
    "SearchHit": "draftkit.clauses",
    "Sender": "draftkit.schema",
    "Signatory": "draftkit.schema",
    "SignatoryCounts": "draftkit.signatories",
    "SignatoryImport": "draftkit.signatories",
    "SourceInfo": "draftkit.clauses",
    "SpecError": "draftkit.errors",
    "TemplateError": "draftkit.errors",
    "TemplateSet": "draftkit.compose",
    "TemplateVariable": "draftkit.compose",
    "VariantInfo": "draftkit.compose",
    "address_forms": "draftkit.protocol",
    "annotate_docx": "draftkit.check",
    "check_file": "draftkit.check",
    "check_letter": "draftkit.check",
    "check_merge": "draftkit.check",
    "combined_salutation": "draftkit.protocol",
    "compose_letter": "draftkit.compose",
    "count_mismatches": "draftkit.signatories",
    "count_signatories": "draftkit.signatories",
    "count_text": "draftkit.signatories",
    "default_punctuation": "draftkit.protocol",
    "dump_letter": "draftkit.files",
    "format_for_path": "draftkit.render",
    "get_office": "draftkit.protocol",
    "ingest_bytes": "draftkit.ingest",
    "ingest_file": "draftkit.ingest",
    "ingest_text": "draftkit.ingest",
    "list_variants": "draftkit.compose",
    "load_config": "draftkit.config",
    "load_letter": "draftkit.files",
    "load_recipients": "draftkit.recipients",
    "mail_merge": "draftkit.merge",
    "merge_letters": "draftkit.merge",
    "new_variant": "draftkit.compose",
    "offices": "draftkit.protocol",
    "order_signatories": "draftkit.signatories",
    "parse_letter": "draftkit.files",
    "prepare_letter": "draftkit.build",
    "provenance_properties": "draftkit.provenance",
    "read_provenance": "draftkit.provenance",
    "read_signatories": "draftkit.signatories",
    "render_bytes": "draftkit.render",
    "render_docx": "draftkit.render",
    "render_docx_many": "draftkit.render",
    "render_markdown": "draftkit.render",
    "render_pdf": "draftkit.render",
    "render_spec": "draftkit.build",
    "render_string": "draftkit.compose",
    "render_text": "draftkit.render",
    "render_to_file": "draftkit.render",
    "scaffold_spec": "draftkit.compose",
    "surname_of": "draftkit.protocol",
    "variant_info": "draftkit.compose",
    "write_bytes_atomic": "draftkit.files",
    "write_text_atomic": "draftkit.files",
}

__all__ = [
    "STYLES",
    "AddressForms",
    "Addressee",
    "Ask",
    "BuildResult",
    "CheckReport",
    "Clause",
    "ClauseError",
    "ClauseLibrary",
    "ClauseRef",
    "ComposeResult",
    "DraftkitError",
    "Finding",
    "HarvestReport",
    "IngestError",
    "IngestResult",
    "Letter",
    "LetterOptions",
    "MergeResult",
    "MergeRow",
    "MergedLetter",
    "OfficeRow",
    "OutputError",
    "OutputExistsError",
    "ProjectConfig",
    "ProtocolError",
    "Provenance",
    "ProvenanceEntry",
    "Recipient",
    "RenderError",
    "SearchHit",
    "Sender",
    "Signatory",
    "SignatoryCounts",
    "SignatoryImport",
    "SourceInfo",
    "SpecError",
    "TemplateError",
    "TemplateSet",
    "TemplateVariable",
    "VariantInfo",
    "__version__",
    "address_forms",
    "annotate_docx",
    "check_file",
    "check_letter",
    "check_merge",
    "combined_salutation",
    "compose_letter",
    "count_mismatches",
    "count_signatories",
    "count_text",
    "default_punctuation",
    "dump_letter",
    "format_for_path",
    "get_office",
    "ingest_bytes",
    "ingest_file",
    "ingest_text",
    "list_variants",
    "load_config",
    "load_letter",
    "load_recipients",
    "mail_merge",
    "merge_letters",
    "new_variant",
    "offices",
    "order_signatories",
    "parse_letter",
    "prepare_letter",
    "provenance_properties",
    "read_provenance",
    "read_signatories",
    "render_bytes",
    "render_docx",
    "render_docx_many",
    "render_markdown",
    "render_pdf",
    "render_spec",
    "render_string",
    "render_text",
    "render_to_file",
    "scaffold_spec",
    "surname_of",
    "variant_info",
    "write_bytes_atomic",
    "write_text_atomic",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'draftkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
