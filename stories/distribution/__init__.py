"""Every copy accounted for: channels, the distribution ledger and takedown tasks.

* `channels`: the one table of places a story may go (website, excerpts,
  clinic-configured others) and the consent check made at every use;
* `ledger`: a `Distribution` row for every place a story went, tied to the
  exact revision hash (website files from the export, uses staff record);
* `takedowns`: reads the outbox from its own cursor and opens a
  `TakedownTask` for every active copy when consent ends; the export closes
  website copies, staff close the others;
* `choice`: the uses the share form offers and she ticks, recorded on her
  consent with the list she read;
* `patient`: what *Check my story* shows her about where her story is used;
* `excerpts`: short passages of an approved story, proposed by staff, signed
  off by her word for word, usable only while her consent covers excerpts
  (a use names the excerpt and is tied to its hash); `excerpt_export` writes
  the communications team's file of the usable ones.

Not to be confused with `stories.ledger` (the consent ledger: her copy of
the authorization).  Nothing here imports streamlit.
"""
