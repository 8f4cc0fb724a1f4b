"""The names, titles and definitions of the overview's figures: what a hover shows.

Titles and definitions are English templates of translation context "overview"; the rules
they state are those of :mod:`.slices` and :mod:`.regulator_rules`.
"""

from __future__ import annotations

from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP

# key: (title, definition). A per-tier figure's key is "<key>.<tier>".
FIGURES: dict[str, tuple[str, str]] = {
    "reported": (
        QT_TRANSLATE_NOOP("overview", "Orders reported"),
        QT_TRANSLATE_NOOP(
            "overview",
            "Orders reported in the period (by the local day they were reported), "
            "cancelled ones included.",
        ),
    ),
    "response_on_time": (
        QT_TRANSLATE_NOOP("overview", "Responded on time"),
        QT_TRANSLATE_NOOP(
            "overview",
            "Of the orders reported in the period whose response is due or done, the share "
            "responded to (first dispatch or start; for promised orders the commitment letter) "
            "by the response deadline. Paused time is left out as the deadlines leave it out; "
            "cancelled orders are not counted; a reopened order is judged by its latest round.",
        ),
    ),
    "completion_on_time": (
        QT_TRANSLATE_NOOP("overview", "Completed on time"),
        QT_TRANSLATE_NOOP(
            "overview",
            "Of the orders reported in the period whose completion is due or done, the share "
            "completed by the completion deadline. Paused time is left out; cancelled orders "
            "are not counted; a reopened order is judged by its latest round.",
        ),
    ),
    "response_minutes_avg": (
        QT_TRANSLATE_NOOP("overview", "Average response time"),
        QT_TRANSLATE_NOOP(
            "overview",
            "Minutes from the report to the response, on the deadline's clock (paused time and, "
            "for working-time rules, time off left out), averaged over the orders reported in "
            "the period that have been responded to, cancelled ones left out.",
        ),
    ),
    "response_minutes_p90": (
        QT_TRANSLATE_NOOP("overview", "Response time, 90th percentile"),
        QT_TRANSLATE_NOOP(
            "overview",
            "Nine in ten of the responded orders reported in the period were responded to "
            "within this many minutes (the clock as for the average).",
        ),
    ),
    "completion_minutes_avg": (
        QT_TRANSLATE_NOOP("overview", "Average completion time"),
        QT_TRANSLATE_NOOP(
            "overview",
            "Minutes from the report to the completion, on the deadline's clock (paused time "
            "left out), averaged over the completed orders reported in the period, cancelled "
            "ones left out.",
        ),
    ),
    "completion_minutes_p90": (
        QT_TRANSLATE_NOOP("overview", "Completion time, 90th percentile"),
        QT_TRANSLATE_NOOP(
            "overview",
            "Nine in ten of the completed orders reported in the period were completed within "
            "this many minutes (the clock as for the average).",
        ),
    ),
    "commitment_in_48h": (
        QT_TRANSLATE_NOOP("overview", "Commitment letters within 48 h"),
        QT_TRANSLATE_NOOP(
            "overview",
            "Of the promised-tier orders reported in the period whose letter is issued or due, "
            "the share whose commitment letter was issued within 48 hours of the report (paused "
            "time left out, as the deadline counts it). Cancelled orders are not counted.",
        ),
    ),
    "callback_coverage": (
        QT_TRANSLATE_NOOP("overview", "Callback coverage"),
        QT_TRANSLATE_NOOP(
            "overview",
            "Of the orders completed in the period (whenever reported), the share the owner was "
            "called back about, as on the Callbacks tab.",
        ),
    ),
    "satisfaction": (
        QT_TRANSLATE_NOOP("overview", "Satisfaction"),
        QT_TRANSLATE_NOOP(
            "overview",
            "Of the callbacks made in the period, the share satisfied or basically satisfied, "
            "as on the Callbacks tab. The list shows the orders called back.",
        ),
    ),
    "reopened": (
        QT_TRANSLATE_NOOP("overview", "Reopened orders"),
        QT_TRANSLATE_NOOP(
            "overview",
            "Orders reported in the period that were reopened after an owner was dissatisfied.",
        ),
    ),
    "first_time_fix": (
        QT_TRANSLATE_NOOP("overview", "First-time fix rate"),
        QT_TRANSLATE_NOOP(
            "overview",
            "Of the orders reported in the period that have been completed at least once, the "
            "share never reopened (一次修复率).",
        ),
    ),
    "regulator_reply_rate": (
        QT_TRANSLATE_NOOP("overview", "Regulator reply rate"),
        QT_TRANSLATE_NOOP(
            "overview",
            "Of the regulator's tickets received in the period, the share first replied to by "
            "their reply deadline (a day after arrival when the platform sets none). A ticket "
            "unanswered and still inside its deadline is not counted yet. Target: 80 %.",
        ),
    ),
    "supervision_in_time": (
        QT_TRANSLATE_NOOP("overview", "Supervision notices answered in time"),
        QT_TRANSLATE_NOOP(
            "overview",
            "Of the regulator's supervision notices (督办) issued in the period, the share whose "
            "order was completed, closed or cancelled by the notice's deadline. A notice still "
            "inside its deadline is not counted yet.",
        ),
    ),
    "overdue": (
        QT_TRANSLATE_NOOP("overview", "Overdue now"),
        QT_TRANSLATE_NOOP(
            "overview",
            "Open orders, not paused, past their completion deadline, or past their response "
            "deadline without a response: red in the work-order list.",
        ),
    ),
    "due_soon": (
        QT_TRANSLATE_NOOP("overview", "Due soon"),
        QT_TRANSLATE_NOOP(
            "overview",
            "Open orders, not paused, whose completion deadline comes within the company's "
            "due-soon warning time: amber in the work-order list.",
        ),
    ),
    "callbacks_due": (
        QT_TRANSLATE_NOOP("overview", "Callbacks due"),
        QT_TRANSLATE_NOOP(
            "overview",
            "Completed orders waiting for their callback whose callback is due by the end of "
            "today.",
        ),
    ),
}

BREAKDOWN_TITLES: dict[str, str] = {
    "category": QT_TRANSLATE_NOOP("overview", "By category"),
    "tier": QT_TRANSLATE_NOOP("overview", "By tier"),
    "channel": QT_TRANSLATE_NOOP("overview", "By channel"),
    "source": QT_TRANSLATE_NOOP("overview", "By source"),
    "status": QT_TRANSLATE_NOOP("overview", "By status"),
}
