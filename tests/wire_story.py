"""A wire story and three reprints with small edits by other outlets, for syndication tests."""

from __future__ import annotations

WIRE = (
    "Government forces and rebel fighters clashed near the town of Saraqib on Monday, leaving at"
    " least twelve fighters dead, a war monitor said. The fighting began at dawn when rebel units"
    " attacked army positions on the eastern edge of the town, according to the monitor, which"
    " relies on a network of sources on the ground. Air strikes hit two nearby villages later in"
    " the day, residents said, and damaged a school and a bakery. The army said in a statement"
    " that it had repelled the assault and inflicted heavy losses on the attackers. Rebel"
    " commanders denied losing any ground and said they had captured a checkpoint on the main"
    " road. Hundreds of families fled toward the Turkish border as the shelling continued into"
    " the evening, aid workers said. The town has changed hands several times since the war"
    " began, and the front line around it has been largely static since a ceasefire last year."
)

REPRINTS = (
    WIRE.replace("on Monday", "on Monday morning").replace("twelve", "12")
    + " Reporting by the Wire Desk.",
    "SARAQIB, Syria - " + WIRE.replace("Hundreds of families", "Many families"),
    WIRE.replace("damaged a school and a bakery", "damaged a school")
    .replace("heavy losses", "serious losses")
    .replace(" The town has changed hands", " The strategic town has changed hands"),
)

INDEPENDENT = (
    "Protesters gathered in the capital on Friday to demand the release of detained journalists,"
    " chanting slogans outside the ministry of information while police watched from a distance."
    " Organisers said more than two thousand people took part, a figure the police did not"
    " confirm. No arrests were reported by the evening, and the crowd dispersed peacefully after"
    " a delegation handed a petition to officials at the ministry gate."
)
