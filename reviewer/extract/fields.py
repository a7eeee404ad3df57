"""Runs the field readers over a classified document and stores their values and evidence in the result."""

from __future__ import annotations

from reviewer.extract.complementary import read_cuecs_csocs
from reviewer.extract.criteria import read_categories, read_control_objectives, read_criteria
from reviewer.extract.exceptions import read_exceptions
from reviewer.extract.layout import Document
from reviewer.extract.letters import read_letter_parties
from reviewer.extract.model import Evidence, ExtractionResult
from reviewer.extract.not_tested import read_not_tested
from reviewer.extract.opinion import read_opinion
from reviewer.extract.parties import read_parties
from reviewer.extract.subservice import read_subservice


def read_fields(doc: Document, result: ExtractionResult) -> None:
    """Fill `result.report` (parties, opinion, scope, exceptions, complementary controls) and its evidence."""
    rep = result.report
    parties = read_parties(doc)
    if result.document_type == "bridge_letter":
        parties = read_letter_parties(doc, parties)
    for key, (value, ev) in parties.items():
        setattr(rep, key, value)
        result.evidence[key] = ev
    if result.document_type != "soc_report":
        return
    opinion, ev = read_opinion(doc)
    if opinion and ev:
        rep.opinion = opinion  # type: ignore[assignment]  # read_opinion returns one of the Opinion values
        result.evidence["opinion"] = ev
    if rep.framework in ("SOC 2", "SOC 3"):
        cats, ev = read_categories(doc)
        if cats and ev:
            rep.categories = cats
            result.evidence["categories"] = ev
        elif rep.framework:
            result.warnings.append("trust services categories in scope not found")
        crit, ev = read_criteria(doc, rep.categories)
        if crit and ev:
            rep.criteria = crit
            result.evidence["criteria"] = ev
    if rep.framework == "SOC 1" or rep.framework is None:
        rep.control_objectives = read_control_objectives(doc)
        if rep.control_objectives:
            first = rep.control_objectives[0]
            result.evidence["control_objectives"] = Evidence(first.page or 1, first.text[:400], first.bbox)
    # a SOC 3 may describe subservice organizations and user entity controls too
    rep.subservice_organizations = read_subservice(doc)
    rep.cuecs, rep.csocs = read_cuecs_csocs(doc, rep.subservice_organizations)
    for key, items in (("subservice_organizations", rep.subservice_organizations), ("cuecs", rep.cuecs),
                       ("csocs", rep.csocs)):
        if items and items[0].page:
            first = items[0]
            text = getattr(first, "text", None) or getattr(first, "name", "")
            result.evidence[key] = Evidence(first.page, text[:400], first.bbox)
    if rep.framework != "SOC 3" and rep.type != "Type 1":
        rep.exceptions, tables = read_exceptions(doc)
        rep.not_tested = read_not_tested(doc, tables)
        if rep.exceptions:
            first_exc = rep.exceptions[0]
            result.evidence["exceptions"] = Evidence(first_exc.page, first_exc.description[:400], first_exc.bbox)
