"""kg: build a timeline knowledge graph from news articles.

Data flow: articles + publication context (``kg.ingest``) -> article text
cleaned of page boilerplate (``kg.boilerplate``) -> spaCy (``kg.nlp``) ->
time expressions (``kg.timex``), mentions and entities (``kg.entities``),
relations (``kg.relations``), events (``kg.events``) -> RDF graph
(``kg.graph``) -> Turtle / GraphML / GEXF / chronology (``kg.export``) and
SPARQL (``kg.store``). ``kg.pipeline`` runs the stages in order.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
