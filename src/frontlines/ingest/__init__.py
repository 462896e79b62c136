"""From what a user names to stored analyses: language identification (``langid``), reprint
detection (``syndication``), the ingester (``ingester``) and its multi-process form
(``batched``). The readers that turn inputs into articles are the ``readers`` room."""
