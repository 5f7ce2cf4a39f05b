"""Term weighting, document similarity and topics for cleaned Arabic news articles.

The input everywhere is an ``articles`` table (one row per document, with at
least ``doc_id`` and ``text``: the cleaned article text of ``clean.cleaned``).
Every function returns a new tidy DataFrame and never changes its input.

Tokens come from :class:`ArabicTokenizer`: the text is first normalised with
:func:`newsstudy.normalize.for_matching` (so diacritics, tatweel and alef forms
never split one word into several vocabulary entries), then cut into Arabic
word tokens, optionally Latin words and numbers, with a curated stopword list
(``newsstudy/data/topics/``) normalised by the same function, and optional light
stemming (:func:`light_stem`).

Outputs are deterministic: the vocabulary is sorted, NMF and LDA are seeded,
and every table is sorted with explicit tie-breaks on ``term`` / ``doc_id``.
"""

from __future__ import annotations

import itertools
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Literal, NamedTuple

import numpy as np
import pandas as pd
import regex
from scipy import sparse

from newsstudy import normalize
from newsstudy.paths import DATA_DIR

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

# scikit-learn is imported where it is used: importing it costs more than a second, which every
# `newsstudy` command (--help, a bad corpus, a report) paid before doing anything.

__all__ = [
    "ArabicTokenizer",
    "Topics",
    "display_forms",
    "distinctive_terms",
    "light_stem",
    "neighbours",
    "reporting_verbs",
    "similarity",
    "similarity_of",
    "stability",
    "stopwords",
    "terms_and_topics",
    "tfidf",
    "top_terms",
    "topics",
    "written_forms",
]

TOPICS_DATA_DIR = DATA_DIR / "topics"

# Which characters form words is decided by Unicode properties (via `regex`):
# Arabic letters and marks (not Arabic punctuation such as ، ؛ ؟ or ٪, which
# share the Arabic script) and Latin letters. The class is expanded once into
# explicit code-point ranges and compiled with the standard `re` engine, which
# runs this simple alternation about twice as fast as `regex` (the tokenizer
# is the hot loop of every vectoriser fit).
_SCAN_BLOCKS: tuple[tuple[int, int], ...] = (
    (0x0041, 0x024F),  # Basic Latin letters .. Latin Extended-B
    (0x0600, 0x08FF),  # Arabic, Arabic Supplement, Arabic Extended-A/B
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A (NFKC folds most of them)
    (0xFE70, 0xFEFF),  # Arabic Presentation Forms-B
)


def _char_class(prop: str) -> str:
    test = regex.compile(f"(?V1)[{prop}]")
    cps = [cp for lo, hi in _SCAN_BLOCKS for cp in range(lo, hi + 1) if test.match(chr(cp))]
    ranges: list[tuple[int, int]] = []
    for cp in cps:
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    return "".join(f"\\u{lo:04x}" if lo == hi else f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ranges)


_ARABIC_WORD_CHARS = r"\p{Arabic}&&[\p{L}\p{M}]"
_LATIN_WORD_CHARS = r"\p{Latin}&&\p{L}"


@cache
def _token_pattern(latin: bool, numbers: bool, min_length: int) -> re.Pattern:
    """One compiled pattern per option set; ``{min_length,}`` drops short words in the regex itself."""
    rep = f"{{{max(min_length, 1)},}}"
    parts = [f"[{_char_class(_ARABIC_WORD_CHARS)}]{rep}"]
    if latin:
        parts.append(f"[{_char_class(_LATIN_WORD_CHARS)}]{rep}")
    if numbers:
        # Digits are ASCII after normalisation; 3.5 and 1,000 stay one token.
        parts.append(r"[0-9]+(?:[.,][0-9]+)*")
    return re.compile("|".join(parts))


# --------------------------------------------------------------------------- stemming

# Light10 (Larkey, Ballesteros & Connell 2002, "Improving stemming for Arabic
# information retrieval"), in matching-normalised spelling: ة is already ه and
# ى is already ي, so "ية" is covered by "يه" and "ة" by "ه".
_PREFIXES: tuple[str, ...] = ("وال", "فال", "بال", "كال", "لل", "ال")
_SUFFIXES: tuple[str, ...] = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


@cache
def light_stem(token: str) -> str:
    """Strip common Arabic clitics and suffixes from a normalised token (light stemming).

    The rules are Light10 (Larkey, Ballesteros & Connell 2002), on text already
    normalised by :func:`newsstudy.normalize.for_matching`:

    1. drop a leading و if at least 3 letters remain;
    2. drop one article-with-particle prefix (وال، فال، بال، كال، لل، ال) if at
       least 2 letters remain; single ف، ب، ل، ك are never stripped on their own
       because they so often begin the stem itself (فلسطين، بيروت، لبنان، كتب);
    3. go once through the suffixes ها، ان، ات، ون، ين، يه، ه، ي (ه also stands
       for ة after normalisation), dropping each one found at the end if at
       least 2 letters remain.

    It conflates inflected forms (``الحكومة`` / ``والحكومه`` / ``حكومات``) and
    sometimes over-strips (``وزير`` → ``زير``); it is not a morphological
    analyser. Results are cached, so each distinct token is stemmed once.

    Parameters
    ----------
    token : str
        One matching-normalised token.

    Returns
    -------
    str
        The stem.

    >>> [light_stem(t) for t in ["والحكومه", "حكومات", "بالمفاوضات", "للاعبين", "فلسطين"]]
    ['حكوم', 'حكوم', 'مفاوض', 'اعب', 'فلسط']
    """
    word = token
    if word.startswith("و") and len(word) >= 4:
        word = word[1:]
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
    return word


# --------------------------------------------------------------------------- word lists


def _read_word_list(name: str) -> frozenset[str]:
    words: set[str] = set()
    with (TOPICS_DATA_DIR / name).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(normalize.for_matching(line).lower())
    return frozenset(words)


def stopwords() -> frozenset[str]:
    """The curated Arabic stopword list, normalised like the text.

    Read from ``newsstudy/data/topics/stopwords_ar.txt`` (see the README there)
    and normalised with :func:`newsstudy.normalize.for_matching`.

    Returns
    -------
    frozenset of str

    >>> sw = stopwords()
    >>> "الي" in sw, "إلى" in sw, "حكومه" in sw
    (True, False, False)
    """
    return _curated_stopwords()


@cache
def _curated_stopwords() -> frozenset[str]:
    return _read_word_list("stopwords_ar.txt")


@cache
def reporting_verbs() -> frozenset[str]:
    """News-reporting verbs (قال، أضاف، أكد ...) usable as extra stopwords, normalised.

    >>> {"قال", "اكد", "اضافت"} <= reporting_verbs()
    True
    """
    return _read_word_list("reporting_verbs_ar.txt")


def _normalised_words(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w for w in (normalize.for_matching(x).lower() for x in words) if w)


# --------------------------------------------------------------------------- tokenizer


class ArabicTokenizer:
    """Callable tokenizer for scikit-learn vectorisers (``tokenizer=ArabicTokenizer()``).

    Steps, in order: :func:`newsstudy.normalize.for_matching`; lower-casing
    (Latin only has case); one compiled regular expression for Arabic words,
    optionally Latin words and numbers; stopword removal (a token is dropped if
    it, or it without one leading و or ف, is a stopword); tokens shorter than
    ``min_length`` dropped; optional :func:`light_stem`.

    Parameters
    ----------
    stem : bool, default False
        Apply :func:`light_stem` to each kept token.
    latin : bool, default True
        Keep Latin-script words (``CNN``, ``Hamas`` → ``cnn``, ``hamas``).
    numbers : bool, default False
        Keep numbers (``2024``, ``3.5``; Arabic-Indic digits are ASCII after
        normalisation).
    stopwords : iterable of str or None, default None
        Words to drop, in any spelling (they are normalised here). ``None``
        means the curated list :func:`stopwords`; pass ``()`` for none.
    extra_stopwords : iterable of str, default ()
        Added to ``stopwords`` (a study's own words).
    reporting_verbs_as_stopwords : bool, default False
        Also drop news-reporting verbs (:func:`reporting_verbs`).
    min_length : int, default 2
        Shortest word kept (in letters, after normalisation); numbers are kept
        whatever their length when ``numbers=True``.

    >>> tok = ArabicTokenizer(numbers=True)
    >>> tok("قالَ وزيرُ الخارجيّة في CNN إنّ المفاوضاتـــ ستستأنف عام ٢٠٢٤")
    ['قال', 'وزير', 'الخارجيه', 'cnn', 'المفاوضات', 'ستستانف', 'عام', '2024']
    """

    def __init__(
        self,
        *,
        stem: bool = False,
        latin: bool = True,
        numbers: bool = False,
        stopwords: Iterable[str] | None = None,
        extra_stopwords: Iterable[str] = (),
        reporting_verbs_as_stopwords: bool = False,
        min_length: int = 2,
    ) -> None:
        self.stem = stem
        self.latin = latin
        self.numbers = numbers
        self.stopwords = None if stopwords is None else tuple(stopwords)
        self.extra_stopwords = tuple(extra_stopwords)
        self.reporting_verbs_as_stopwords = reporting_verbs_as_stopwords
        self.min_length = min_length
        self._compile()

    def _compile(self) -> None:
        base = _curated_stopwords() if self.stopwords is None else _normalised_words(self.stopwords)
        words = set(base) | _normalised_words(self.extra_stopwords)
        if self.reporting_verbs_as_stopwords:
            words |= reporting_verbs()
        self.stopwords_: frozenset[str] = frozenset(words)
        # A stopword behind one conjunction و/ف (وفي، فإن) is a stopword too; listing
        # those forms up front keeps the per-token test to one set lookup.
        self.drop_: frozenset[str] = frozenset(words | {c + w for w in words for c in ("و", "ف")})
        self.pattern_: re.Pattern = _token_pattern(self.latin, self.numbers, self.min_length)

    def __getstate__(self) -> dict:
        # The compiled pattern is rebuilt on unpickling (joblib, multiprocessing).
        return {k: v for k, v in self.__dict__.items() if not k.endswith("_")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._compile()

    def __repr__(self) -> str:
        return (
            f"ArabicTokenizer(stem={self.stem}, latin={self.latin}, numbers={self.numbers}, "
            f"n_stopwords={len(self.stopwords_)}, min_length={self.min_length})"
        )

    def is_stopword(self, token: str) -> bool:
        """Whether a normalised token is a stopword, also behind one leading و or ف.

        >>> ArabicTokenizer().is_stopword("وفي"), ArabicTokenizer().is_stopword("وزير")
        (True, False)
        """
        return token in self.drop_

    def __call__(self, text: str) -> list[str]:
        return self.tokens_of_matching_form(normalize.for_matching(text))

    def tokens_of_matching_form(self, norm: str) -> list[str]:
        """The tokens of a text already in matching form (``normalize.for_matching``; normalising a
        corpus at once with :func:`~newsstudy.normalize.for_matching_all` is faster).

        >>> tok = ArabicTokenizer()
        >>> tok.tokens_of_matching_form(normalize.for_matching("وزيرُ الخارجيّة")) == tok("وزيرُ الخارجيّة")
        True
        """
        drop = self.drop_
        kept = [t for t in self.pattern_.findall(norm.lower()) if t not in drop]
        if self.stem:
            return [light_stem(t) for t in kept]
        return kept


# --------------------------------------------------------------------------- tf-idf


def _check_articles(articles: pd.DataFrame) -> None:
    missing = {"doc_id", "text"} - set(articles.columns)
    if missing:
        raise ValueError(f"articles needs columns doc_id and text; missing {sorted(missing)}")
    if articles["doc_id"].duplicated().any():
        raise ValueError("articles has duplicate doc_id values")


def _texts(articles: pd.DataFrame) -> list[str]:
    return ["" if pd.isna(t) else str(t) for t in articles["text"]]


_TOKENIZER_OPTIONS = (
    "stem",
    "latin",
    "numbers",
    "stopwords",
    "extra_stopwords",
    "reporting_verbs_as_stopwords",
    "min_length",
)


def _split_options(options: dict) -> tuple[dict, dict]:
    tok = {k: v for k, v in options.items() if k in _TOKENIZER_OPTIONS}
    vec = {k: v for k, v in options.items() if k not in _TOKENIZER_OPTIONS}
    return tok, vec


class _ArrayCounting:
    """The counting pass of a scikit-learn vectoriser's fit, done with arrays instead of a dict per document.

    ``CountVectorizer._count_vocab`` fills a dict for every document, one token at a time, in Python:
    on a corpus it is most of the fit. Here the documents are analysed as scikit-learn analyses them
    and the counting is done by :func:`pandas.factorize` (terms numbered by first occurrence, as its
    vocabulary numbers them) and :func:`numpy.unique` on (document, term) keys. The vocabulary and the
    matrix are the same, entry for entry (tests compare them with scikit-learn's own). Transforming
    with a fitted vocabulary is scikit-learn's own code.
    """

    def get_feature_names_out(self, input_features=None):
        """scikit-learn's terms, sorted once per fitted vocabulary (its own sorts them at every call)."""
        cached = self.__dict__.get("_names")
        if cached is None or cached[0] is not self.vocabulary_:
            cached = self.__dict__["_names"] = (
                self.vocabulary_,
                super().get_feature_names_out(input_features),
            )
        return cached[1]

    def _limit_features(self, X, vocabulary, high=None, low=None, limit=None):
        """scikit-learn's, without its copy of ``X`` when no term goes (``min_df=1``, ``max_df=1.0``
        and no ``max_features``, the defaults): ``X`` is then given as a new matrix of the same arrays,
        as its copy would be (entries in the same order, no format flag set)."""
        if limit is None and high is not None and low is not None and X.shape[1]:
            dfs = np.bincount(X.indices, minlength=X.shape[1])  # scikit-learn's document frequency
            if bool(((dfs <= high) & (dfs >= low)).all()):
                return sparse.csr_matrix((X.data, X.indices, X.indptr), shape=X.shape, dtype=X.dtype)
        return super()._limit_features(X, vocabulary, high, low, limit)

    def _sort_features(self, X, vocabulary):
        """scikit-learn's (terms renumbered in sorted order, ``X``'s columns with them), with the terms
        sorted by their UTF-32-BE bytes (the order of ``sorted``, compared by ``memcmp``) and renumbered
        with arrays."""
        terms = list(vocabulary)
        if not all(isinstance(t, str) for t in terms):
            return super()._sort_features(X, vocabulary)
        keys = [t.encode("utf-32-be", "surrogatepass") for t in terms]
        rank = np.empty(len(terms), dtype=np.int64)
        rank[sorted(range(len(terms)), key=keys.__getitem__)] = np.arange(len(terms), dtype=np.int64)
        map_index = np.empty(len(terms), dtype=X.indices.dtype)
        map_index[np.fromiter(vocabulary.values(), dtype=np.int64, count=len(terms))] = rank
        vocabulary.update(zip(terms, rank.tolist(), strict=True))
        X.indices = map_index.take(X.indices, mode="clip")
        return X

    def _count_vocab(self, raw_documents, fixed_vocab):
        if fixed_vocab:
            return super()._count_vocab(raw_documents, fixed_vocab)
        from sklearn.feature_extraction import text as sk_text

        vocabulary: dict[str, int] = {}  # terms numbered by first occurrence, as scikit-learn numbers them
        per_doc, cols, counts = [], [], []  # entries per document, their terms and counts
        n_docs = 0
        for docs in self._analysed(raw_documents):  # a batch of documents at a time: bounded memory
            lengths = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
            flat = np.fromiter(itertools.chain.from_iterable(docs), dtype=object, count=int(lengths.sum()))
            codes, terms = pd.factorize(flat, sort=False)
            number = np.fromiter(
                (vocabulary.setdefault(t, len(vocabulary)) for t in terms.tolist()),
                dtype=np.int64,
                count=len(terms),
            )
            doc = np.repeat(np.arange(n_docs, n_docs + len(docs), dtype=np.int64), lengths)
            keys, n = np.unique((doc << 32) | number[codes], return_counts=True)  # by document, then term
            per_doc.append(np.bincount((keys >> 32) - n_docs, minlength=len(docs)))
            cols.append((keys & 0xFFFFFFFF).astype(np.int64 if len(vocabulary) > 2**31 - 1 else np.int32))
            counts.append(n.astype(np.int32))
            n_docs += len(docs)
        if not vocabulary:
            raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
        indptr = np.concatenate(([0], np.cumsum(np.concatenate(per_doc))))
        index_dtype = np.int64 if indptr[-1] > np.iinfo(np.int32).max else np.int32
        X = sparse.csr_matrix(
            (np.concatenate(counts).astype(self.dtype), np.concatenate(cols).astype(index_dtype),
             indptr.astype(index_dtype)),
            shape=(n_docs, len(vocabulary)),
            dtype=self.dtype,
        )  # fmt: skip
        X.has_sorted_indices = True  # by term number within each row, as np.unique sorted the keys
        return vocabulary, getattr(sk_text, "_align_api_if_sparse", lambda m: m)(X)

    def _analysed(self, raw_documents) -> Iterator[list[list[str]]]:
        """Each document's terms, as ``build_analyzer()`` gives them, in batches of documents.

        With the Arabic tokenizer alone (words, no n-grams, no other preprocessing), the texts are
        put in matching form many at a time (:func:`~newsstudy.normalize.for_matching_all`), which
        is what the tokenizer would do to each.
        """
        tokenizer = self.tokenizer
        plain = (
            isinstance(tokenizer, ArabicTokenizer) and self.analyzer == "word" and self.ngram_range == (1, 1)
            and self.preprocessor is None and not self.lowercase and self.strip_accents is None
            and self.stop_words is None and self.input == "content"
        )  # fmt: skip
        analyze = None if plain else self.build_analyzer()
        documents = iter(raw_documents)
        while batch := list(itertools.islice(documents, _NORMALISE_BATCH)):
            if analyze is not None:
                yield [analyze(doc) for doc in batch]
            else:
                norms = normalize.for_matching_all([self.decode(doc) for doc in batch])
                yield list(map(tokenizer.tokens_of_matching_form, norms))


#: Texts put in matching form at once by :meth:`_ArrayCounting._analysed` (bounds its arrays' memory).
_NORMALISE_BATCH = 2048


@cache
def _array_counting(kind: str) -> type:
    """The vectoriser class of ``kind`` (``"tfidf"`` or ``"count"``) with :class:`_ArrayCounting`.

    Made on first use (scikit-learn is imported only then) and named in this module, so a fitted
    vectoriser pickles (:func:`__getattr__` makes the class again in a process that unpickles one).
    """
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    base = TfidfVectorizer if kind == "tfidf" else CountVectorizer
    name = _ARRAY_COUNTING[kind]
    cls = type(name, (_ArrayCounting, base), {"__module__": __name__, "__qualname__": name})
    globals()[name] = cls
    return cls


_ARRAY_COUNTING = {"tfidf": "_ArrayTfidfVectorizer", "count": "_ArrayCountVectorizer"}


def __getattr__(name: str):
    for kind, class_name in _ARRAY_COUNTING.items():
        if name == class_name:
            return _array_counting(kind)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _vectorizer(kind: str, options: dict) -> CountVectorizer:
    """A ``"tfidf"`` or ``"count"`` vectoriser with the Arabic tokenizer and ``options``."""
    tok_opts, vec_opts = _split_options(options)
    defaults = {"min_df": 1, "max_df": 1.0}
    if kind == "tfidf":
        defaults["sublinear_tf"] = True
    defaults.update(vec_opts)
    return _array_counting(kind)(
        tokenizer=ArabicTokenizer(**tok_opts),
        preprocessor=None,
        lowercase=False,  # the tokenizer lower-cases after normalising
        token_pattern=None,
        dtype=np.float64,
        **defaults,
    )


def tfidf(articles: pd.DataFrame, **options) -> tuple[TfidfVectorizer, sparse.csr_matrix]:
    """Fit a TF-IDF model with the Arabic tokenizer.

    Parameters
    ----------
    articles : DataFrame
        Columns ``doc_id`` and ``text``. Row ``i`` of the matrix is row ``i`` of
        ``articles``.
    **options
        Tokenizer options (``stem``, ``latin``, ``numbers``, ``stopwords``,
        ``extra_stopwords``, ``reporting_verbs_as_stopwords``, ``min_length``;
        see :class:`ArabicTokenizer`) and any :class:`~sklearn.feature_extraction.text.TfidfVectorizer`
        option (``min_df``, ``max_df``, ``ngram_range``, ``max_features``,
        ``sublinear_tf`` — default True here, ``norm`` ...).

    Returns
    -------
    vectorizer : TfidfVectorizer
        Fitted; ``vectorizer.get_feature_names_out()`` are the terms (sorted).
    matrix : scipy.sparse.csr_matrix
        Documents × terms, rows L2-normalised.

    >>> arts = pd.DataFrame({"doc_id": ["a", "b"], "text": ["فاز الفريق بالمباراة", "ارتفع سعر النفط"]})
    >>> vec, X = tfidf(arts)
    >>> X.shape, list(vec.get_feature_names_out())[:3]
    ((2, 6), ['ارتفع', 'الفريق', 'النفط'])
    """
    _check_articles(articles)
    vec = _vectorizer("tfidf", options)
    matrix = vec.fit_transform(_texts(articles))
    return vec, sparse.csr_matrix(matrix)


def _nth_distinct_largest(values: np.ndarray, indptr: np.ndarray, n: int) -> np.ndarray:
    """Per row of a CSR matrix (``values``, ``indptr``), its ``n``-th largest distinct value (the
    smallest when it has fewer; ``-inf`` for an empty row).

    >>> _nth_distinct_largest(np.array([3.0, 1.0, 3.0, 2.0, 5.0]), np.array([0, 4, 4, 5]), 2).tolist()
    [2.0, -inf, 5.0]
    """
    rows = len(indptr) - 1
    counts = np.diff(indptr)
    row = np.repeat(np.arange(rows), counts)
    filled = np.flatnonzero(counts > 0)
    left = values.astype(np.float64)  # copied: the values not yet taken
    nth = np.full(rows, -np.inf)
    for _ in range(max(n, 1)):
        top = np.full(rows, -np.inf)
        if len(filled):
            top[filled] = np.maximum.reduceat(left, indptr[filled])
        found = top > -np.inf
        if not found.any():
            break
        nth[found] = top[found]
        left[left >= top[row]] = -np.inf
    return nth


def _top_terms_table(ids: Sequence[str], matrix: sparse.spmatrix, terms: np.ndarray, n: int) -> pd.DataFrame:
    """The ``top_terms`` table of a fitted matrix: each row's ``n`` largest weights, ties by term.

    All rows at once: the stored entries are sorted by row, descending weight
    and the term's rank in code-point order (the order of ``sorted``), and
    the first ``n`` of each row are kept when their weight is positive.
    """
    m = sparse.csr_matrix(matrix)
    terms = np.asarray(terms, dtype=object)
    term_rank = np.empty(len(terms), dtype=np.int64)
    term_rank[np.argsort(terms, kind="stable")] = np.arange(len(terms))
    row = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
    weight = m.data.astype(np.float64)
    # Only the entries at or above each row's n-th largest distinct weight can be among its first n:
    # they are found in n passes over the weights, and only they are sorted.
    candidate = weight >= _nth_distinct_largest(weight, m.indptr, n)[row]
    row, col, weight = row[candidate], m.indices[candidate], weight[candidate]
    order = np.lexsort((term_rank[col], -weight, row))
    row, col, weight = row[order], col[order], weight[order]
    first = np.searchsorted(row, np.arange(m.shape[0]))
    position = np.arange(len(row)) - first[row]
    keep = (position < n) & (weight > 0)
    row, col, weight = row[keep], col[keep], weight[keep]
    rank = np.arange(len(row)) - np.searchsorted(row, row) + 1
    table = pd.DataFrame(
        {
            "doc_id": np.asarray(ids, dtype=object)[row].astype(str) if len(row) else [],
            "rank": rank,
            "term": terms[col].astype(str) if len(col) else [],
            "weight": weight,
        }
    )
    table = table.astype({"doc_id": "str", "rank": "int64", "term": "str", "weight": "float64"})
    return table.sort_values(["doc_id", "rank"], kind="mergesort").reset_index(drop=True)


def top_terms(articles: pd.DataFrame, *, n: int = 10, **options) -> pd.DataFrame:
    """The ``n`` highest-weighted TF-IDF terms of each document.

    Parameters
    ----------
    articles : DataFrame
        Columns ``doc_id`` and ``text``.
    n : int, default 10
        Terms per document (fewer if the document has fewer distinct terms).
    **options
        Passed to :func:`tfidf`.

    Returns
    -------
    DataFrame
        Columns ``doc_id``, ``rank`` (from 1), ``term``, ``weight``; sorted by
        ``doc_id`` then ``rank``. Equal weights are ranked by term.

    >>> arts = pd.DataFrame({"doc_id": ["a", "b"], "text": ["فاز الفريق الفريق", "ارتفع سعر النفط"]})
    >>> top_terms(arts, n=1)[["doc_id", "rank", "term"]].to_dict("records")
    [{'doc_id': 'a', 'rank': 1, 'term': 'الفريق'}, {'doc_id': 'b', 'rank': 1, 'term': 'ارتفع'}]
    """
    vec, matrix = tfidf(articles, **options)
    return _top_terms_table(articles["doc_id"].astype(str).tolist(), matrix, vec.get_feature_names_out(), n)


# Words as written, one script at a time ("لـCNN" is "لـ" and "CNN"), marks and tatweel included.
_RAW_WORD = regex.compile(r"[\p{Arabic}\p{M}\u0640]+|[\p{Latin}\p{M}]+|\p{N}+")


def display_forms(articles: pd.DataFrame, terms: Iterable[str], **options) -> pd.Series:
    """How each term is most often written in the articles, for figures and tables.

    Terms are in matching form (``الابيض``, ``الخارجيه``, ``cnn``), which reads
    as misspelt Arabic. For each term this finds the words of the articles that
    tokenise to exactly that term and returns the most frequent one, with
    diacritics and tatweel removed (``الأبيض``, ``الخارجية``, ``CNN``); ties go
    to the first in Unicode order. With ``stem=True`` the term is a stem and its
    display form is the commonest full word with that stem. A term no word
    gives is shown as it is.

    Parameters
    ----------
    articles : DataFrame
        Columns ``doc_id`` and ``text`` (the texts the terms came from).
    terms : iterable of str
        Terms as :func:`top_terms`, :func:`topics` or :func:`distinctive_terms` return them.
    **options
        The tokenizer options the terms were made with (``stem``, ``latin`` …).

    Returns
    -------
    Series
        Display form indexed by term (each distinct term once, in first-seen order).

    >>> arts = pd.DataFrame({"doc_id": ["a"], "text": ["البيت الأبيضُ والبيت الأبيض في CNN"]})
    >>> display_forms(arts, ["الابيض", "cnn", "غائب"]).tolist()
    ['الأبيض', 'CNN', 'غائب']
    """
    wanted = list(dict.fromkeys(str(t) for t in terms))
    best = _written_forms(articles, set(wanted), **options)
    return pd.Series([best.get(t, t) for t in wanted], index=wanted, dtype=object)


def written_forms(articles: pd.DataFrame, **options) -> dict[str, str]:
    """:func:`display_forms` of every term the articles' words give, by term (a term not in it is shown
    as it is): for a caller that learns which terms it needs later.

    >>> arts = pd.DataFrame({"doc_id": ["a"], "text": ["البيت الأبيضُ والبيت الأبيض في CNN"]})
    >>> forms = written_forms(arts)
    >>> forms["الابيض"], forms["cnn"], "غائب" in forms
    ('الأبيض', 'CNN', False)
    """
    return _written_forms(articles, None, **options)


def _written_forms(articles: pd.DataFrame, targets: set[str] | None, **options) -> dict[str, str]:
    """The commonest written form of each term of ``targets`` (every term, if None) the articles give."""
    _check_articles(articles)
    tokenizer = ArabicTokenizer(**_split_options(options)[0])
    counts: dict[str, int] = {}
    for text in _texts(articles):
        for word in _RAW_WORD.findall(text):
            counts[word] = counts.get(word, 0) + 1
    found: dict[str, dict[str, int]] = {}
    for word, n in counts.items():
        tokens = tokenizer(word)
        if len(tokens) == 1 and (targets is None or tokens[0] in targets):
            shown = normalize.diacritics(normalize.tatweel(word))
            by_form = found.setdefault(tokens[0], {})
            by_form[shown] = by_form.get(shown, 0) + n
    return {t: min(forms, key=lambda f: (-forms[f], f)) for t, forms in found.items()}


def similarity(articles: pd.DataFrame, **options) -> pd.DataFrame:
    """Document-by-document cosine similarity of TF-IDF vectors.

    Parameters
    ----------
    articles : DataFrame
        Columns ``doc_id`` and ``text``.
    **options
        Passed to :func:`tfidf`.

    Returns
    -------
    DataFrame
        Square, indexed by ``doc_id`` on both axes (in the order of
        ``articles``); 1.0 on the diagonal for non-empty documents.

    >>> arts = pd.DataFrame(
    ...     {"doc_id": ["a", "b", "c"], "text": ["سعر النفط", "سعر النفط اليوم", "فاز الفريق"]})
    >>> similarity(arts).round(2).to_numpy().tolist()
    [[1.0, 1.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, 1.0]]
    """
    _, matrix = tfidf(articles, **options)
    return similarity_of(articles["doc_id"], matrix)


def similarity_of(ids: Sequence[str], matrix: sparse.spmatrix) -> pd.DataFrame:
    """:func:`similarity` from a TF-IDF fit already made: ``ids`` name the rows of ``matrix``.

    >>> arts = pd.DataFrame({"doc_id": ["a", "b"], "text": ["سعر النفط", "فاز الفريق"]})
    >>> similarity_of(arts["doc_id"], tfidf(arts)[1]).equals(similarity(arts))
    True
    """
    index = pd.Index(pd.Series(ids).astype(str), name="doc_id")
    from sklearn.metrics.pairwise import cosine_similarity

    sim = cosine_similarity(matrix)
    # Rounding noise can push identical documents just above 1.
    np.clip(sim, 0.0, 1.0, out=sim)
    return pd.DataFrame(sim, index=index, columns=index.rename("doc_id"))


def _upper_pairs(product: sparse.csr_matrix, offset: int, least: int) -> tuple[np.ndarray, np.ndarray]:
    """The (row + offset, column) pairs above the diagonal of a block product, of value ``least`` or more."""
    coo = product.tocoo()
    rows = coo.row.astype(np.int64) + offset
    cols = coo.col.astype(np.int64)
    keep = (cols > rows) & (coo.data >= least)
    return rows[keep], cols[keep]


def _candidate_terms(X: sparse.csr_matrix, *, max_df: int, per_doc: int) -> sparse.csr_matrix:
    """0/1 matrix of each row's ``per_doc`` heaviest terms among those in 2 to ``max_df`` rows."""
    df = np.bincount(X.indices, minlength=X.shape[1])
    row = np.repeat(np.arange(X.shape[0]), np.diff(X.indptr))
    usable = (df[X.indices] >= 2) & (df[X.indices] <= max_df)
    row, col, weight = row[usable], X.indices[usable], X.data[usable]
    order = np.lexsort((col, -weight, row))  # per row: heaviest first, ties by term
    row, col = row[order], col[order]
    starts = np.searchsorted(row, np.arange(X.shape[0]))
    rank = np.arange(len(row)) - starts[row]
    keep = rank < per_doc
    data = np.ones(int(keep.sum()), dtype=np.float64)
    return sparse.csr_matrix((data, (row[keep], col[keep])), shape=X.shape)


def _cosines(matrix: sparse.csr_matrix, a: np.ndarray, b: np.ndarray, chunk: int = 1 << 15) -> np.ndarray:
    """Exact cosine of the L2-normalised rows ``a[i]`` and ``b[i]`` (the dot product), in chunks."""
    out = np.empty(len(a), dtype=np.float64)
    for lo in range(0, len(a), chunk):
        sl = slice(lo, lo + chunk)
        out[sl] = np.asarray(matrix[a[sl]].multiply(matrix[b[sl]]).sum(axis=1)).ravel()
    return np.clip(out, 0.0, 1.0)


def neighbours(
    ids: Sequence[str],
    matrix: sparse.spmatrix,
    *,
    k: int = 10,
    min_cosine: float = 0.3,
    max_df: int = 100,
    per_doc: int = 30,
    min_shared: int = 2,
    block: int = 2048,
) -> pd.DataFrame:
    """Each document's ``k`` most similar documents above ``min_cosine``, without all pairs.

    Candidate pairs are the documents that share at least ``min_shared`` of
    their ``per_doc`` heaviest *discriminating* terms: terms found in at most
    ``max_df`` documents (a word found in every other article says little
    about two articles telling the same story). Each document then has at
    most ``per_doc * max_df`` candidates, so the cost grows linearly with the
    corpus, never with its square. The cosine of
    each candidate is then computed exactly on the full TF-IDF vectors, and a
    pair is kept when it is among the ``k`` best of either document. Ties are
    broken by document order, so the table is deterministic.

    Parameters
    ----------
    ids : sequence of str
        Document ids, one per row of ``matrix``.
    matrix : scipy.sparse matrix
        L2-normalised TF-IDF rows (:func:`tfidf`).
    k, min_cosine : int, float
        Neighbours kept per document, and the lowest cosine kept.
    max_df, per_doc, min_shared : int
        Candidate generation: terms found in more documents than ``max_df``
        make no candidates; only each document's ``per_doc`` heaviest terms
        do, and a pair must share ``min_shared`` of them.
    block : int
        Rows multiplied at a time (memory, not results).

    Returns
    -------
    DataFrame
        ``doc_a`` < ``doc_b``, ``cosine``; sorted by ``doc_a``, ``doc_b``.

    >>> arts = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": [
    ...     "ارتفع سعر النفط في الأسواق العالمية", "ارتفع سعر النفط", "فاز الفريق بالمباراة"]})
    >>> vec, X = tfidf(arts)
    >>> neighbours(arts["doc_id"], X).round(2).values.tolist()
    [['a', 'b', 0.68]]
    """
    X = sparse.csr_matrix(matrix, dtype=np.float64)
    order = np.argsort(np.asarray(ids, dtype=object), kind="stable")
    X = X[order]
    names = np.asarray(ids, dtype=object)[order]
    R = _candidate_terms(X, max_df=max_df, per_doc=per_doc)
    RT = sparse.csr_matrix(R.T)
    parts_a, parts_b = [], []
    for lo in range(0, R.shape[0], block):
        a, b = _upper_pairs(R[lo : lo + block] @ RT, lo, min_shared)
        parts_a.append(a)
        parts_b.append(b)
    a = np.concatenate(parts_a) if parts_a else np.zeros(0, dtype=np.int64)
    b = np.concatenate(parts_b) if parts_b else np.zeros(0, dtype=np.int64)
    cos = _cosines(X, a, b)
    keep = cos >= min_cosine
    a, b, cos = a[keep], b[keep], cos[keep]
    # Rank each pair from both ends: by descending cosine, then by the other document's order.
    both = np.concatenate([a, b])
    other = np.concatenate([b, a])
    value = np.concatenate([cos, cos])
    pair = np.concatenate([np.arange(len(a)), np.arange(len(a))])
    rank_order = np.lexsort((other, -value, both))
    ranked_doc = both[rank_order]
    starts = (
        np.flatnonzero(np.r_[True, ranked_doc[1:] != ranked_doc[:-1]])
        if len(ranked_doc)
        else np.zeros(0, int)
    )
    position = np.arange(len(ranked_doc)) - np.repeat(starts, np.diff(np.r_[starts, len(ranked_doc)]))
    chosen = np.unique(pair[rank_order][position < k])
    out = pd.DataFrame(
        {
            "doc_a": pd.Series(names[a[chosen]], dtype="str"),
            "doc_b": pd.Series(names[b[chosen]], dtype="str"),
            "cosine": cos[chosen],
        }
    )
    return out.sort_values(["doc_a", "doc_b"], kind="stable", ignore_index=True)


# --------------------------------------------------------------------------- topics


class TopicsWarning(UserWarning):
    """The topic model's fit is approximate (it stopped at ``max_iter`` before converging)."""


class Topics(NamedTuple):
    """Result of :func:`topics`: two tidy tables."""

    doc_topics: pd.DataFrame
    """doc_id, topic, weight (each document's topic shares, summing to 1)."""
    topic_terms: pd.DataFrame
    """topic, rank, term, weight (the top terms of each topic)."""


def _fit_topics(
    articles: pd.DataFrame,
    k: int,
    method: str,
    seed: int,
    max_iter: int,
    init: str | None,
    options: dict,
    fitted: tuple[TfidfVectorizer, sparse.spmatrix] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Document-topic matrix W, topic-term matrix H and the terms (``fitted``: the TF-IDF fit, for NMF)."""
    _check_articles(articles)
    if k < 1:
        raise ValueError("k must be at least 1")
    if method == "nmf":
        vec, X = fitted if fitted is not None else tfidf(articles, **options)
        from sklearn.decomposition import NMF
        from sklearn.exceptions import ConvergenceWarning

        model = NMF(n_components=k, init=init or "nndsvda", random_state=seed, max_iter=max_iter)
        # On a tiny corpus the reconstruction error can round below zero (sklearn takes its square
        # root and warns); the factors are unaffected.
        with np.errstate(invalid="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)  # said below, in the study's words
            W = model.fit_transform(X)
        if model.n_iter_ >= max_iter:
            warnings.warn(
                f"the topic model (NMF, {k} topics) stopped after {max_iter} iterations before converging: "
                "its topics are approximate (a larger max_iter fits them closer)",
                TopicsWarning,
                stacklevel=2,
            )
        H = model.components_
    elif method == "lda":
        # LDA models counts, not TF-IDF weights.
        vec = _vectorizer("count", options)
        X = vec.fit_transform(_texts(articles))
        from sklearn.decomposition import LatentDirichletAllocation

        model = LatentDirichletAllocation(
            n_components=k, random_state=seed, max_iter=max_iter, learning_method="batch"
        )
        W = model.fit_transform(X)
        H = model.components_ / model.components_.sum(axis=1, keepdims=True)
    else:
        raise ValueError(f"method must be 'nmf' or 'lda', not {method!r}")
    return W, H, vec.get_feature_names_out()


def _topic_order(W: np.ndarray, H: np.ndarray, terms: np.ndarray) -> list[int]:
    """Topics by total document weight, largest first (ties: by top term), so topic 0 is the biggest."""
    keys = []
    for t in range(H.shape[0]):
        top = terms[np.argmax(H[t])] if H[t].any() else ""
        keys.append((-round(float(W[:, t].sum()), 12), str(top), t))
    return [t for *_, t in sorted(keys)]


def topics(
    articles: pd.DataFrame,
    k: int,
    method: Literal["nmf", "lda"] = "nmf",
    seed: int = 0,
    *,
    n_terms: int = 10,
    max_iter: int = 400,
    init: str | None = None,
    **options,
) -> Topics:
    """Fit ``k`` topics with NMF on TF-IDF (default) or LDA on counts.

    Identical input and parameters give identical tables on every run.

    Parameters
    ----------
    articles : DataFrame
        Columns ``doc_id`` and ``text``.
    k : int
        Number of topics.
    method : {"nmf", "lda"}, default "nmf"
    seed : int, default 0
        Random state of the model.
    n_terms : int, default 10
        Top terms kept per topic in ``topic_terms``.
    max_iter : int, default 400
    init : str or None
        NMF initialisation (default ``"nndsvda"``, which depends on the seed only
        through a randomised SVD; ``"random"`` makes the seed matter fully).
    **options
        Tokenizer and vectoriser options as for :func:`tfidf`.

    Returns
    -------
    Topics
        ``doc_topics`` (doc_id, topic, weight: each document's topic shares,
        summing to 1, or all 0 for a document with no terms) and
        ``topic_terms`` (topic, rank, term, weight). Topic 0 carries the most
        document weight, topic 1 the next, and so on.

    >>> arts = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "text": [
    ...     "فاز الفريق في المباراة", "المباراة انتهت بفوز الفريق",
    ...     "ارتفع سعر النفط", "سعر النفط ارتفع في السوق"]})
    >>> t = topics(arts, 2)
    >>> sorted(t.doc_topics.loc[t.doc_topics.weight > 0.5].groupby("topic").doc_id.apply(list).tolist())
    [['a', 'b'], ['c', 'd']]
    """
    return _topics_tables(
        articles, k, _fit_topics(articles, k, method, seed, max_iter, init, options), n_terms
    )


def _heaviest(weights: np.ndarray, n: int) -> np.ndarray:
    """Indices of the positive weights at least as large as the ``n``-th largest (ties kept), in order.

    Sorting these by weight (ties by term) gives the same first ``n`` as sorting all the weights:
    a topic's vocabulary is sorted in a few dozen terms instead of its hundred thousand.

    >>> _heaviest(np.array([0.0, 3.0, 1.0, 3.0, 2.0]), 2).tolist()
    [1, 3]
    >>> _heaviest(np.array([0.0, 3.0, 1.0, 3.0, 2.0]), 3).tolist()
    [1, 3, 4]
    >>> _heaviest(np.array([0.0, 1.0]), 5).tolist()
    [1]
    """
    positive = np.flatnonzero(weights > 0)
    if n <= 0:
        return positive[:0]
    if len(positive) > n:
        values = weights[positive]
        nth = np.partition(values, len(values) - n)[len(values) - n]
        positive = positive[values >= nth]
    return positive


def _topics_tables(
    articles: pd.DataFrame, k: int, fit: tuple[np.ndarray, np.ndarray, np.ndarray], n_terms: int
) -> Topics:
    W, H, terms = fit
    order = _topic_order(W, H, terms)
    W = W[:, order]
    H = H[order]
    totals = W.sum(axis=1, keepdims=True)
    shares = np.divide(W, totals, out=np.zeros_like(W), where=totals > 0)
    ids = articles["doc_id"].astype(str).to_numpy()
    doc_topics = pd.DataFrame(
        {
            "doc_id": np.repeat(ids, k),
            "topic": np.tile(np.arange(k, dtype="int64"), len(ids)),
            "weight": shares.ravel(),
        }
    ).astype({"doc_id": "str"})
    doc_topics = doc_topics.sort_values(["doc_id", "topic"], kind="mergesort").reset_index(drop=True)
    rows = []
    for t in range(k):
        shown = _heaviest(H[t], n_terms)
        pairs = sorted(zip(terms[shown], H[t][shown], strict=True), key=lambda p: (-p[1], p[0]))
        rows.extend((t, rank, str(term), float(w)) for rank, (term, w) in enumerate(pairs[:n_terms], start=1))
    topic_terms = pd.DataFrame(rows, columns=["topic", "rank", "term", "weight"]).astype(
        {"topic": "int64", "rank": "int64", "term": "str", "weight": "float64"}
    )
    return Topics(doc_topics, topic_terms)


def terms_and_topics(
    articles: pd.DataFrame,
    k: int,
    method: Literal["nmf", "lda"] = "nmf",
    seed: int = 0,
    *,
    n: int = 10,
    n_terms: int = 10,
    max_iter: int = 400,
    init: str | None = None,
    fitted: tuple[TfidfVectorizer, sparse.csr_matrix] | None = None,
    **options,
) -> tuple[pd.DataFrame, Topics]:
    """``top_terms(articles, n=n)`` and ``topics(articles, k, ...)`` together, sharing one TF-IDF fit.

    ``fitted`` is that fit when the caller has it already (``tfidf(articles, **options)``).

    The tables equal those of the two separate calls (NMF topics are fitted on
    the same TF-IDF matrix the top terms come from; LDA fits its own counts).
    On a large corpus this saves one pass of the tokenizer over every article.

    >>> arts = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "text": [
    ...     "فاز الفريق في المباراة", "المباراة انتهت بفوز الفريق",
    ...     "ارتفع سعر النفط", "سعر النفط ارتفع في السوق"]})
    >>> top, model = terms_and_topics(arts, 2, n=1)
    >>> top.equals(top_terms(arts, n=1)), model.topic_terms.equals(topics(arts, 2).topic_terms)
    (True, True)
    """
    vec, matrix = fitted if fitted is not None else tfidf(articles, **options)
    top = _top_terms_table(articles["doc_id"].astype(str).tolist(), matrix, vec.get_feature_names_out(), n)
    fit = _fit_topics(
        articles, k, method, seed, max_iter, init, options, (vec, matrix) if method == "nmf" else None
    )
    return top, _topics_tables(articles, k, fit, n_terms)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def stability(
    articles: pd.DataFrame,
    k: int,
    *,
    seeds: Sequence[int] = (0, 1, 2, 3, 4),
    method: Literal["nmf", "lda"] = "nmf",
    n_terms: int = 10,
    **options,
) -> pd.DataFrame:
    """How far topics agree across random seeds.

    Fits :func:`topics` once per seed; for every pair of seeds, matches the
    topics one-to-one so that the summed Jaccard overlap of their top
    ``n_terms`` terms is largest (Hungarian matching,
    :func:`scipy.optimize.linear_sum_assignment`), and reports each matched pair.

    Parameters
    ----------
    articles : DataFrame
        Columns ``doc_id`` and ``text``.
    k : int
        Number of topics.
    seeds : sequence of int, default (0, 1, 2, 3, 4)
    method : {"nmf", "lda"}, default "nmf"
    n_terms : int, default 10
        Top terms compared per topic.
    **options
        Passed to :func:`topics` (``init``, ``max_iter``, tokenizer and
        vectoriser options).

    Returns
    -------
    DataFrame
        Columns ``seed_a``, ``seed_b``, ``topic_a``, ``topic_b``, ``jaccard``;
        ``k`` rows per seed pair, sorted by seed pair then ``topic_a``. The mean
        of ``jaccard`` per seed pair (``groupby(["seed_a", "seed_b"]).jaccard.mean()``)
        is the usual stability score: 1 means the same topics every time.

    >>> arts = pd.DataFrame({"doc_id": list("abcd"), "text": [
    ...     "فاز الفريق في المباراة", "المباراة انتهت بفوز الفريق",
    ...     "ارتفع سعر النفط", "سعر النفط ارتفع في السوق"]})
    >>> stability(arts, 2, seeds=(0, 1)).jaccard.tolist()
    [1.0, 1.0]
    """
    seeds = list(dict.fromkeys(seeds))
    if len(seeds) < 2:
        raise ValueError("stability needs at least two distinct seeds")
    term_sets: dict[int, list[set[str]]] = {}
    for seed in seeds:
        tt = topics(articles, k, method=method, seed=seed, n_terms=n_terms, **options).topic_terms
        by_topic = tt.groupby("topic")["term"].apply(set).to_dict()
        term_sets[seed] = [by_topic.get(t, set()) for t in range(k)]
    rows = []
    for sa, sb in itertools.combinations(seeds, 2):
        jac = np.array([[_jaccard(a, b) for b in term_sets[sb]] for a in term_sets[sa]])
        from scipy.optimize import linear_sum_assignment

        ra, cb = linear_sum_assignment(jac, maximize=True)
        rows.extend((sa, sb, int(i), int(j), float(jac[i, j])) for i, j in zip(ra, cb, strict=True))
    table = pd.DataFrame(rows, columns=["seed_a", "seed_b", "topic_a", "topic_b", "jaccard"])
    return table.sort_values(["seed_a", "seed_b", "topic_a"], kind="mergesort").reset_index(drop=True)


# --------------------------------------------------------------------------- distinctive terms


def distinctive_terms(
    articles: pd.DataFrame,
    groups: str,
    *,
    n: int = 10,
    prior: float = 0.1,
    min_count: int = 2,
    **options,
) -> pd.DataFrame:
    """Terms most distinctive of each group (e.g. outlet), by weighted log-odds.

    For each group, each term's log-odds of use in the group against all other
    groups, with an informative Dirichlet prior from the whole corpus, divided
    by its standard error (Monroe, Colaresi & Quinn 2008, "Fightin' words").
    The z-score rewards terms that are both frequent and over-used in the
    group, unlike a raw frequency ratio that favours rare words.

    Parameters
    ----------
    articles : DataFrame
        Columns ``doc_id``, ``text`` and ``groups``. Rows whose group is
        missing are left out.
    groups : str
        Name of the grouping column.
    n : int, default 10
        Terms per group.
    prior : float, default 0.1
        Prior strength: the prior count of each term is ``prior`` times its
        corpus count.
    min_count : int, default 2
        Terms used fewer times than this in the whole corpus are ignored.
    **options
        Tokenizer and vectoriser options as for :func:`tfidf`.

    Returns
    -------
    DataFrame
        Columns ``group``, ``rank`` (from 1), ``term``, ``z``, ``count`` (uses
        in the group); sorted by group then rank (ties: by term). Only terms
        with ``z > 0`` are listed.

    >>> arts = pd.DataFrame({"doc_id": list("abcd"), "outlet": ["x", "x", "y", "y"], "text": [
    ...     "الاحتلال قصف غزة", "الاحتلال يقصف غزة", "الجيش قصف غزة", "الجيش يقصف غزة"]})
    >>> distinctive_terms(arts, "outlet", n=1)[["group", "term"]].to_dict("records")
    [{'group': 'x', 'term': 'الاحتلال'}, {'group': 'y', 'term': 'الجيش'}]
    """
    _check_articles(articles)
    if groups not in articles.columns:
        raise ValueError(f"no column {groups!r} in articles")
    data = articles.loc[articles[groups].notna()]
    vec = _vectorizer("count", options)
    X = sparse.csr_matrix(vec.fit_transform(_texts(data)))
    terms = vec.get_feature_names_out()
    labels = data[groups].astype(str).to_numpy()
    total = np.asarray(X.sum(axis=0)).ravel()
    keep = total >= min_count
    alpha = prior * total
    alpha0 = alpha.sum()
    n_all = total.sum()
    rows = []
    for g in sorted(set(labels)):
        mask = labels == g
        y_g = np.asarray(X[mask].sum(axis=0)).ravel()
        y_r = total - y_g
        n_g, n_r = y_g.sum(), n_all - y_g.sum()
        with np.errstate(divide="ignore", invalid="ignore"):
            delta = np.log((y_g + alpha) / (n_g + alpha0 - y_g - alpha)) - np.log(
                (y_r + alpha) / (n_r + alpha0 - y_r - alpha)
            )
            z = delta / np.sqrt(1.0 / (y_g + alpha) + 1.0 / (y_r + alpha))
        ok = keep & np.isfinite(z) & (z > 0) & (y_g > 0)
        pairs = sorted(
            ((str(terms[i]), float(z[i]), int(y_g[i])) for i in np.flatnonzero(ok)),
            key=lambda p: (-p[1], p[0]),
        )
        rows.extend((g, rank, t, zz, c) for rank, (t, zz, c) in enumerate(pairs[:n], start=1))
    table = pd.DataFrame(rows, columns=["group", "rank", "term", "z", "count"])
    return table.astype({"group": "str", "rank": "int64", "term": "str", "z": "float64", "count": "int64"})
