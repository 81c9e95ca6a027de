"""The review database's tables, and the upserts that load results into them.

Pairs are unique per (article_id, a, b), so loading the same results twice
updates rows instead of adding them. Verdicts are only inserted, never updated:
``current_verdicts`` picks each pair's latest one.
"""

from __future__ import annotations

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    title TEXT,
    dateline TEXT,
    url TEXT,
    published TEXT,
    source TEXT NOT NULL,
    text TEXT NOT NULL,
    model_json TEXT NOT NULL,
    loaded_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS statements (
    article_id TEXT NOT NULL REFERENCES articles(id),
    id TEXT NOT NULL,
    speaker TEXT NOT NULL,
    speaker_mention TEXT NOT NULL,
    cue TEXT NOT NULL,
    cue_lemma TEXT NOT NULL,
    kind TEXT NOT NULL,
    stance TEXT NOT NULL,
    content TEXT NOT NULL,
    sentence TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    speaker_start INTEGER NOT NULL,
    speaker_end INTEGER NOT NULL,
    cue_start INTEGER NOT NULL,
    cue_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    keywords_json TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (article_id, id)
);
CREATE TABLE IF NOT EXISTS pairs (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    relation TEXT NOT NULL,
    score REAL NOT NULL,
    nli_json TEXT NOT NULL,
    topic_score REAL NOT NULL,
    reason TEXT NOT NULL,
    UNIQUE (article_id, a, b),
    FOREIGN KEY (article_id, a) REFERENCES statements(article_id, id),
    FOREIGN KEY (article_id, b) REFERENCES statements(article_id, id)
);
CREATE INDEX IF NOT EXISTS pairs_by_score ON pairs(score DESC, id);
CREATE TABLE IF NOT EXISTS verdicts (
    id INTEGER PRIMARY KEY,
    pair_id INTEGER NOT NULL REFERENCES pairs(id),
    verdict TEXT NOT NULL CHECK (verdict IN ('confirm', 'reject', 'skip')),
    reviewer TEXT NOT NULL CHECK (length(reviewer) > 0),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS verdicts_by_pair ON verdicts(pair_id, id);
CREATE VIEW IF NOT EXISTS current_verdicts AS
    SELECT v.* FROM verdicts AS v
    JOIN (SELECT pair_id, MAX(id) AS id FROM verdicts GROUP BY pair_id) AS latest ON v.id = latest.id;
"""

UPSERT_ARTICLE = """
INSERT INTO articles (id, title, dateline, url, published, source, text, model_json, loaded_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    title = excluded.title, dateline = excluded.dateline, url = excluded.url,
    published = excluded.published, source = excluded.source, text = excluded.text,
    model_json = excluded.model_json, loaded_at = excluded.loaded_at
"""

UPSERT_STATEMENT = """
INSERT INTO statements (article_id, id, speaker, speaker_mention, cue, cue_lemma, kind, stance, content, sentence,
    content_start, content_end, speaker_start, speaker_end, cue_start, cue_end, sentence_start, target, keywords_json)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (article_id, id) DO UPDATE SET
    speaker = excluded.speaker, speaker_mention = excluded.speaker_mention, cue = excluded.cue,
    cue_lemma = excluded.cue_lemma, kind = excluded.kind, stance = excluded.stance, content = excluded.content,
    sentence = excluded.sentence, content_start = excluded.content_start, content_end = excluded.content_end,
    speaker_start = excluded.speaker_start, speaker_end = excluded.speaker_end, cue_start = excluded.cue_start,
    cue_end = excluded.cue_end, sentence_start = excluded.sentence_start, target = excluded.target,
    keywords_json = excluded.keywords_json
"""

# The pair keeps its row id on reload, so verdicts stay attached to it.
UPSERT_PAIR = """
INSERT INTO pairs (article_id, a, b, relation, score, nli_json, topic_score, reason)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (article_id, a, b) DO UPDATE SET
    relation = excluded.relation, score = excluded.score, nli_json = excluded.nli_json,
    topic_score = excluded.topic_score, reason = excluded.reason
"""
