"""Source attribution: who does an Arabic news text rely on (ANNOTATION.md sections 3 and 4)?

:func:`extract` finds every attribution in the ``headline`` and ``content`` lines of a ``lines`` table
(never in ``duplicate`` or any other label) and returns one row per attribution; :func:`count_sources`
and :func:`anonymous_share` count them; :func:`evaluate` scores an extraction against gold.

Modules
-------
:mod:`~newsstudy.attribution.lexicon` (the data files, read once), :mod:`~newsstudy.attribution.cues`
(the cue table and its matcher), :mod:`~newsstudy.attribution.tokens` (tokens, sentences, raw offsets),
:mod:`~newsstudy.attribution.classification` (a source phrase's type and entity),
:mod:`~newsstudy.attribution.context` (what the document said before: coreference, its country),
:mod:`~newsstudy.attribution.sources` (reading each cue), :mod:`~newsstudy.attribution.extraction`
(:func:`extract`), :mod:`~newsstudy.attribution.counting` and :mod:`~newsstudy.attribution.scoring`;
:mod:`~newsstudy.attribution.morphology` and :mod:`~newsstudy.attribution.gazetteer` give the verb forms
and the entities. The names below are re-exported here, so ``attribution.extract`` (and the private
helpers the tests read, ``attribution._lexicon``) keep working.

How it works
------------
1. **Cues.** Every written form of every cue (the reporting verbs of ``data/attribution/verbs.tsv`` in
   all listed conjugations with the prefixes و ف ل and an optional object suffix, the participles of
   ``participles.txt``, the attributive prepositions of ``prepositions.txt``) is expanded once into a
   table, and the words of the matching form of each line (:func:`newsstudy.normalize.for_matching`,
   computed once per line) are looked up in it: one compiled pattern of the table's words (a trie) finds
   the tokens whose word is in it, in C, and only those tokens are then read. In a headline, a short
   source phrase before a colon (``Source:``) is a cue too. Raw offsets are recovered word by word
   (:func:`newsstudy.normalize.for_matching_with_offsets` on the cue's word only, cached per word).
2. **Source phrase.** Arabic news is mostly verb-subject: the source is the words after the verb, up to
   the complementiser (إن/أن/بأن, a colon, a quote), a conduit (لـ + outlet), a comma, a relative pronoun,
   an anonymity clause or a time word. For a preposition it is its object.
3. **Classification** by the head noun (``heads.tsv``): official → ``anonymous_official`` (or
   ``named_person`` when a name follows the noun), source → ``anonymous_source``, document → ``document``
   (or the issuer's type when the issuer is named: ``بيان الجيش`` is the army), institution →
   ``institution``, title → ``named_person`` (a titled person is identifiable), a known outlet or a
   news-organisation noun → ``media_outlet``; a country, capital or organisation name → ``institution``; a
   plural nationality noun (``قطريون``) → ``anonymous_official``; otherwise a bare word that is not
   vocabulary → ``named_person``. A phrase that fits none of these is not a source and the cue is
   dropped (``تشير الاجتماعات إلى أن``, ``حسب الخطة``).
4. **Affiliation**: the entity (``affiliation_entity``: a country's ISO code or an organisation id)
   of the first nationality adjective, country, capital, organisation or political figure in the phrase
   (the gazetteer, :mod:`newsstudy.attribution.gazetteer`); for a named person without one, the
   document's own earlier mentions (``وزير الخارجية الأمريكي أنتوني بلينكن`` makes a later bare
   ``بلينكن`` US); for an outlet, its country in ``data/outlets.csv``; for a person, official or body
   with none of these, the country the document is about when one dominates its text. The study file
   (:mod:`newsstudy.study`) maps the entity onto the study's categories (``affiliation``).
5. **Coreference.** A cue with no subject (``وأضاف:``, ``وتقول إن``, ``لكنه قال``) takes, inside a
   sentence, the subject of the clause that opened it, and at the start of a sentence the last source of
   the document (or the previous sentence's subject when gender or absence rules that out); a participle
   (``مشيراً``) continues the last attribution of its sentence. Subject-verb order (``لكن المسؤولين
   الأميركيين يزعمون أن``) is read from the noun phrase just before the verb.

Decisions where ANNOTATION.md is silent (a media researcher's reading; kept consistent in the gold)
------------------------------------------------------------------------------------------------------
- ``قال X لرويترز``: X is the source, Reuters the conduit. ``نقلت X عن Y``: Y is the source and X the
  conduit; ``نقلت X`` with no ``عن`` cites X itself (media outlet).
- ``بحسب ما قاله مسؤولون ... لصحيفة تايمز أوف إسرائيل`` is one attribution: the cue is the whole
  ``بحسب ما قاله`` (preposition + ما + verb), the source the verb's subject, the conduit the newspaper.
- A bare definite anaphor (``المسؤول``, ``المصادر``, ``الصحيفة``, ``البيان``) keeps its own type and takes
  the affiliation of the last source of the same kind; ``الصحيفة``/``الموقع``/``للصحيفة`` resolve to the
  outlet last named in the document (``وتقول الصحيفة`` after ``صحيفة واشنطن بوست`` is The Washington Post).
- A subjectless feminine verb cannot continue a masculine source: ``وتقول إن`` after ``وتعمل قطر ...``
  resolves to the subject of the clause that opened the sentence (Qatar), not to the last official.
- Negated cues (``لم يقل``, ``لا يعتقد``, ``لم تؤكد``) are not attributions (a non-statement, like
  ``لم يرد``); ``نفى`` is (a denial is a statement).
- ``أبلغ`` (informed) is an attribution only when it introduces what was said (``بأن``/``أن``/``:``); with a
  noun (``أبلغت قطر حماس بضرورة ...``) it reports a diplomatic act. ``طلب`` is never a cue. A one-noun
  phrase before the complementiser of ``أبلغ`` is its object, so the subject is resolved as for a
  continuation.
- A cue whose verb carries an object pronoun counts only after ``ما`` (``بحسب ما قاله``) or before a
  complementiser: ``الاقتراح الذي كشفه بايدن`` is an act of unveiling, not speech.
- Reported speech inside reported speech is content, not a source: a cue with its own subject after the
  complementiser of another attribution in the same sentence is not counted (``قال مسؤول إن قطر أبلغت
  واشنطن أنها ...`` counts the official only); a coordinated continuation (``..., وأكد أنه``) and a new
  clause after ``، لكن``/``بينما``/``في حين`` are counted.
- Impersonal forms with no source (``ويعتقد أن``, ``ويذكر أن``, ``قيل``) are not attributions.
- Speech verbs need a complementiser after them in the sentence (``كما قال X``, "as X said", needs none).
  Verbs of kind ``noun`` in ``verbs.tsv`` (``أعلن``, ``نفى``, ``حذر من``, ``أعرب عن``) report a statement
  with a noun object and need none. A verb's own preposition (``أشار إلى``, ``أكد على``, ``شدد على``)
  opens the content when the sentence has no أن: ``وأشار مولر إلى إمكانية استدعاء ترامب`` reports what
  Mueller said. A post-posed cue right after a closing quotation (``"..."، قال المسؤول.``) takes the
  quotation as its content and needs no complementiser.
- A verb followed by a subject phrase and its complementiser (``وأكد الخياط أن``, ``قالت المفوضة التجارية
  في الاتحاد الأوروبي إن``) cites that subject even when the lexicon types none of its words: a definite
  singular head is a person (a role or an al- surname); a plural one (``تشير الاجتماعات إلى أن``) is not.
- A participle with no attribution of its sentence to continue (``..., مشيراً إلى أن``) reports the
  subject of its clause, or else the document's last source.
- A quotation opens reported speech when it is at least four words long or ends the sentence; a short
  quoted name (``حساب "دوحة ترايثلون" على تويتر``) is not a complementiser.
- Participles continue an attribution of their own sentence (or open a sentence split off from it);
  ``قائلاً``/``قائلة`` ("saying") introduces speech even with no attribution before it, by the subject
  of its clause (``وتطرق الوزير إلى التدريبات، قائلاً: ...``).
- An outlet's correspondent (``مراسل سكاي نيوز عربية``, ``مراسلنا``) is the outlet (``media_outlet``).
- A verbal noun after a preposition (``عن كشف ملفاتها``, ``بعد متابعة``) is not a cue.
- Two cues in one sentence are two attributions (``وأفادت وسائل إعلام أمريكية نقلاً عن مصدر مطلع``: the
  media cited, and the source they quote).
- In a headline, ``X:`` is a source only if X is an outlet, a person or a source noun; a bare place name
  (``مصر: مقتل 12 مسلحا``) is a location tag. ``تأكيد جديد من مسؤول أميركي:`` takes the phrase after من.
- Several affiliations in one phrase (``مسؤولون إسرائيليون وأمريكيون``): the first named.
- A media outlet's affiliation is the outlet's country mapped onto the label set (US outlets → US,
  Reuters → other).

Issue 15, generalisation pass (rules written on development outlets, measured on a fresh random
sample of them, ``evaluation.fresh_attribution_scores``)
----------------------------------------------------------------------------------------------------
- A speech participle in the singular going on an attribution of its sentence (or opening a sentence
  split off from one) reports its noun object (``..., مضيفا في السياق ذاته ضرورة التمويل``), unless it
  agrees as an adjective with the word before it (``تطورا لافتا``).
- Cues inside a quotation that an attribution opens are the speaker's own words, across the
  sentences of the quotation; ``مما يؤكد``/``وهو ما يؤكد`` is a fact's implication and an imperfect after
  ``أن``/``كي`` an intent: no attribution.
- The feminine plural (``قلن``, ``يقلن``) is generated; the 2nd person ``تقلن`` is not.
- ``نقلت X على لسان Y`` is one attribution, as ``نقلت X عن Y``; a role with a titled name in apposition
  (``الناطق باسم القوات، العميد الركن ...،``) is a named person; ``أما <name> <role> فـ<verb>`` cites
  the named person.
- A document's named issuer (``تقرير صدر عن``, ``دراسة أجرتها``, ``تقرير للبنك الدولي``) gives its type.
- A directive verb's addressee is not part of its source (``ودعا الوزير المواطنين إلى``).
- A state office (``data/attribution/state_offices.txt``: minister, ministry, governor, police ...) that
  names no country, in a document no country dominates, speaks for the country the document names
  most, even once, and where the text names no country, for the outlet's home country where the
  researcher gives it (``extract(home_countries=...)``, a documents table's ``country`` column in the
  pipeline, or ``[attribution] home_country`` in the study file): the text first, the outlet's
  country only where the text is silent.
- A named person described right after the name as no office or body (``سمير، وهو تاجر``, ``وهي من
  سكان الحي``: ``extraction._described_private``) speaks for no state, as a private role before the
  name does: no document country, for the cue and its continuations. A description that names an
  entity (``، الباحثة في المعهد النمساوي``) gives it; one headed by an office (``، رئيس البرنامج
  الوطني``) makes the person speak for a body (``extraction._apposition``).
- An officer named through a pronoun of the body last cited (``مديرتها العامة``, ``رئيسها``, ``متحدث
  باسمها``) is that body's officer, with its entity (``context._body_of_pronoun``); ه is left out of the
  possessives of a head noun, as it also spells ة (``رئيسه``).
- An indefinite official with an indefinite nisba adjective (``دبلوماسي غربي حضر الجلسات``) is unnamed:
  what follows is a relative clause, not a name (``classification._indefinite_described``); so is what
  follows a group's head noun (``متبرعون تجمعوا أمام ...``: ``classification._group_head``).

Issue 15, second fresh sample (``evaluation.fresh_attribution_scores(corpus="dev-fresh2")``, annotated
before these rules; rules written on development outlets only, each with an invented-sentence test)
------------------------------------------------------------------------------------------------------
- The raw spelling decides two readings the matching form loses: a perfect of hamzat al-wasl written
  with a hamza (``وأعتقد أن``) is the writer's own 1st person imperfect, and a perfect with a damma on
  its first letter (``وأُعلن``, ``ذُكر``) is an impersonal passive; neither cites a source (``نُقل عن X``
  still cites X).
- Subjects: after a circumstantial phrase or a conduit (``وقال، في مؤتمر صحفي، وزير ... إن``, ``وقال
  لرويترز مدير ... إن``; not after a preposition, ``إلى وزير``, nor a verbal noun with its pronoun,
  ``خلال لقائه وزير``), after the verb's pronoun complement (``قال عنه الناقد``), before the ``قد`` of a
  pluperfect (``وكان الوزير قد أكد``), and for a negated opening verb (``ولم تحدد الوزارة ... لكنها
  أشارت``); an imperfect reporting verb ends a subject (``وتابع الشامسي يقول``).
- In a run-on sentence a coordinated verb with a speaker subject and its own complementiser is the next
  attribution, not nested content (``قال الوزير إن ... وأكد المدير أن``); inside a colon quotation a
  coordinated verb with its own colon opens new speech (``... وأضافت الكعبية: ...``).
- Complementisers: an أن of a conjunction or modal is passed over (``بعد أن``); a single quote after a
  space opens speech (``'هناك التزام'``); a post-posed cue after a comma that ends its sentence with a
  short subject (``الحوار هو الحل، قال الوزير``); ``كما`` + a verb with its object pronoun cites the
  subject after it (``كما تصفها الشركة``); the ل of purpose with a noun object is no statement.
- Names and types: a word after an honorific is a name, even when spelled like a verb (``الشيخ يزيد``)
  or with the article (``د. الطاهر سالم``, ``د. الكعبي``); ``د.`` ends no sentence; a role with a
  relative adjective and a name is a named person (``المحلل السياسي سامي الحربي``); the opposition
  (``المعارضة``) and ``بلاغ`` (communiqué) are heads; the sound feminine plurals of document and body
  heads are generated (``الدراسات``, ``البلديات``); ``جميع``/``كافة`` are quantifiers.

Issue 15, invented dev split (s25; rules written on the dev outlets of ``tests/fixtures/invented``, the
development outlets' samples as checks; each with an invented-sentence test)
------------------------------------------------------------------------------------------------------
- Affiliation is read from what the phrase says of the speaker only: not from the topic of an informed
  source (``مصادر مطلعة على مفاوضات القمة في <city>``), nor from an adjective of a state office's
  portfolio that names no country (``وزير التخطيط والتعاون الدولي``), nor from the object after a relative
  ``ما`` (``نفى مصدر ... ما تردد عن ... مدرب برتغالي``: ``ما`` ends the subject). A source headed by a
  private role (``data/attribution/private_roles.txt``: expert, analyst, researcher, coach, player) takes
  no document country: it speaks for no state.
- Participles: ``طالب`` has its participle (``مطالباً بـ``; the verbal noun ``مطالبة`` is no cue); a
  statement adverbial may stand between a participle and its أن (``معتبراً في تصريح للموقع أن``); a
  coordinated directive after a comma with its addressee and preposition goes on with the speaker
  (``...، وطالب الحكومة بإعادة النظر``).
- ``كشف ... عن`` reports with its preposition (``كشف الجهاز، اليوم، عن ارتفاع``), but not as a
  participle (``كاشفة عن فرقة``), nor with ``النقاب``/``الستار`` (an unveiling), nor with a pronoun before
  عن (``لعدم كشفه عن``); a topic verb after ``قد`` takes a source before it (``وكانت تقارير قد تحدثت عن``).
- Types: ``مصلحة``, ``الأرصاد``, a governorate (``محافظة طولكرم``) are bodies, ``أوراق`` (case papers) a
  document; the sound plurals of participle titles are generated as unnamed sources (``مندوبون``);
  a portfolio that is a common word (``المالية``) is a body as the whole source of a headline colon.
- From the dev split of ``tests/fixtures/invented-2``: the duals of the person and body heads are
  generated (``تحدث مسؤولان``), ``أمانة`` and ``الإحصاء`` are bodies, ``ناصحاً`` a participle, and a word
  after ``عدم`` a verbal noun (``طلب عدم ذكر اسمه``).

s26, the development parts (shared dev part, both fresh samples, the invented dev splits; each rule with
an invented-sentence test, checked for new hits on development-outlet documents)
------------------------------------------------------------------------------------------------------
- A subjectless coordinated verb with its colon right after it (``... وأضافت: ...``) goes on with the
  speaker even after an أن inside the colon quotation.
- ``ممثل``/``ممثلة`` (a representative) is a title, its plurals (``ممثلو الادعاء``) officials.
- The ل of purpose governs an imperfect: a perfect is not generated with it, since ل + a perfect's
  spelling is a noun (``لأبرز الأحداث``, ``لنشر``, ``لوصف``).
- ``لا سيما (و)أن`` ("especially as") is a conjunction: its أن opens no reported content.

s32, the development parts again (each rule with an invented-sentence test; new rows read on 1,500
development-outlet documents in no gold file)
------------------------------------------------------------------------------------------------------
- Participles spelled like a noun or adjective (``data/attribution/guarded_participles.tsv``: متوقع،
  متهم، محمّل and the feminine of مطالب) are cues only right after a comma, going on an attribution of
  their sentence whose source agrees in gender (``...، متوقعةً أن``); elsewhere they are the adjective or
  the verbal noun (``كان متوقعاً أن``, ``مطالبة الأهالي``), and before a word opened by ب a participle of
  state or a passive (``محملة بالمساعدات``, ``متهمة بالتقصير``).
- An unnamed source described by a state sector's adjective (``مصدر أمني``, ``مصادر عسكرية``:
  ``state_sectors.txt``) is an official; a delegation and a committee are state bodies.
- A gazetteer person's one-word name is never read after the article (``الشكري`` is not Shoukry).
- Inside an attribution's content, a coordinated verb of kind noun after a comma with its object right
  after it (``...، وأدانت الهجمات``) goes on with the speaker, as ``وقال إن`` does; not with a speaker word
  after it (a new subject may follow: ``، وانتقدت الحكومة``), nor inside a quotation.
- A verb's one-letter preposition with a common noun right after the verb (``وتعهد بتحقيق``, ``ينصح
  بتناول``) opens its content: no subject, so the speaker goes on; ``ينصح``/``يوصي`` so used are
  impersonal ("it is advised", ``impersonal.txt``).
- After an attributive preposition a role with a name in apposition is a named person, as after a verb
  (``وبحسب المتحدث باسم الوزارة، <name>، فإن``); a complementiser after the comma is the content, no name.
- ``إلى ذلك`` ("besides") and ``من ناحيته`` may stand before أكّد with a noun object and its speaker.
- ``كاشفاً عن`` right after a comma, going on an attribution of its sentence, reports (``قال الوزير إن
  ...، كاشفاً عن مشروع``); with no attribution to go on it stays an unveiling.
- ذهب of frame ``view`` (``ذهب محللون إلى أن``, "held the view") is a cue only with its complementiser
  right after its preposition; ``ذهب الوزير إلى القاهرة`` is a motion.
- قلّل keeps its perfect only (``قلل من أهمية``): its imperfect ``يقلل من`` is "reduces".

Classification pass (development parts only; each rule with an invented-sentence test)
------------------------------------------------------------------------------------------
- A place (a country, capital or city name: ``gazetteer.place_forms``) after a preposition of place
  (``في``, ``داخل``, ``قبالة``, ``بـ``) in the phrase of an unnamed non-official source or a diplomat says
  where it is, not whom it speaks for (``متعامل في الكويت``, ``مصدر في قطاع النفط بأربيل``, ``دبلوماسي في
  <capital>``: null; ``classification._placed_affiliation``); a state sector's source there keeps the
  country (``مصدر أمني في أربيل``), as every gold set has it.
- A name in apposition between commas after a role names the person: after an official's or a title's
  head, and now after a definite singular private role too (``المحلل في بنك <name>، <given> <surname>،``);
  a foreign surname spelled like an imperfect (``يوهانسون``: no verb form of the lexicon) ends a name
  that a name-like word opens (``classification._appositive_name``, ``_foreign_surname``).
- A rank or honorific with a given name spelled like a nationality adjective (``العقيد الركن تركي
  المالكي``) is a titled person, and an official's phrase holding such a titled name in apposition names
  its holder (``classification._titled_after``).
- A subjectless verb inside a sentence whose opening clause's subject is the last attribution's source
  takes that source as resolved (``وقال المسؤول الأممي إن ...، وحذر``: the UN official named before), not
  the bare phrase read again.
- Unnamed people are not named persons: "one of them" (``أحدهم``, ``إحداهن``: ``_ONE_OF_THEM``) is an
  unnamed source; an indefinite title with no name after it and a preposition, an indefinite nisba
  adjective or an indefinite body noun right after it (``مدير صندوق في <city>``, ``مندوب خليجي``) is an
  unnamed source, or official where the adjective or body is a state's (``_unnamed_title``); and name-like
  words right after a preposition are its object, not the role's name (``موظفة في قطاع الضيافة``).
- God as the speaker of a Quranic verse (``قال تعالى``, ``يقول الله عز وجل``) cites the scripture: a
  ``document`` with no entity, as the third fresh sample's gold has it.
"""

from __future__ import annotations

# Re-exports: the public names, and the private helpers the tests and benchmarks read as attribution.X.
# ruff: noqa: F401
from newsstudy.attribution import gazetteer, morphology
from newsstudy.attribution.classification import (
    _MAX_SV_TOKENS,
    _classify,
    _classify_plain,
    _head,
    _head_plain,
    _namelike,
    _namelike_plain,
    _plural,
    _Source,
)
from newsstudy.attribution.context import _adjective_matches
from newsstudy.attribution.counting import ANONYMOUS_TYPES, anonymous_share, count_sources, drop_copies
from newsstudy.attribution.cues import _cue_at, _find_cues, _trie_pattern
from newsstudy.attribution.extraction import (
    AFFILIATIONS,
    COLUMNS,
    SOURCE_TYPES,
    STUDY_COLUMNS,
    extract,
    highlight,
)
from newsstudy.attribution.gazetteer import country_code, home_countries
from newsstudy.attribution.lexicon import _lexicon, _reporting_verbs, outlets_table, reporting_verbs
from newsstudy.attribution.scoring import evaluate, match, read_gold, score_table
from newsstudy.attribution.sources import (
    _OPENERS,
    _OPENING_TOKENS,
    _clause_subject,
    _ends_subject,
    _opening_subject,
    _opening_tokens,
)
from newsstudy.attribution.tokens import (
    _AHEAD_TOKENS,
    _COMPLEMENT,
    _LONG_LINE,
    _MIN_QUOTE_WORDS,
    _NONSPACE,
    _PUNCT,
    _SENT_SPLIT,
    _SENTENCE_END,
    _STOPS,
    _ahead,
    _clause_start,
    _complement,
    _last_tokens,
    _RawMap,
    _sentence_end,
    _sentence_start,
    _tokenise,
    _tokens,
    _word_before,
)
from newsstudy.normalize import for_matching

__all__ = [
    "AFFILIATIONS",
    "ANONYMOUS_TYPES",
    "COLUMNS",
    "SOURCE_TYPES",
    "STUDY_COLUMNS",
    "anonymous_share",
    "count_sources",
    "country_code",
    "drop_copies",
    "evaluate",
    "extract",
    "highlight",
    "home_countries",
    "match",
    "outlets_table",
    "read_gold",
    "reporting_verbs",
    "score_table",
]
