"""The names, titles and definitions of the overview's figures: what a hover shows.

Titles and definitions are English templates of translation context "overview"; the rules
they state are those of :mod:`.slices` and :mod:`.regulator_rules`.
"""

from __future__ import annotations

from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP

_T = QT_TRANSLATE_NOOP

# key: (title, definition). A per-tier figure's key is "<key>.<tier>".
FIGURES: dict[str, tuple[str, str]] = {
    "reported": (
        _T("overview", "Orders reported"),
        _T(
            "overview",
            "Orders reported in the period (by the local day they were reported), "
            "cancelled ones included.",
        ),
    ),
    "response_on_time": (
        _T("overview", "Responded on time"),
        _T(
            "overview",
            "Of the orders reported in the period whose response is due or done, the share "
            "responded to (first dispatch or start; for promised orders the commitment letter) "
            "by the response deadline. Paused time is left out as the deadlines leave it out; "
            "cancelled orders are not counted; a reopened order is judged by its latest round.",
        ),
    ),
    "completion_on_time": (
        _T("overview", "Completed on time"),
        _T(
            "overview",
            "Of the orders reported in the period whose completion is due or done, the share "
            "completed by the completion deadline. Paused time is left out; cancelled orders "
            "are not counted; a reopened order is judged by its latest round.",
        ),
    ),
    "response_minutes_avg": (
        _T("overview", "Average response time"),
        _T(
            "overview",
            "Minutes from the report to the response, on the deadline's clock (paused time and, "
            "for working-time rules, time off left out), averaged over the orders reported in "
            "the period that have been responded to, cancelled ones left out.",
        ),
    ),
    "response_minutes_p90": (
        _T("overview", "Response time, 90th percentile"),
        _T(
            "overview",
            "Nine in ten of the responded orders reported in the period were responded to "
            "within this many minutes (the clock as for the average).",
        ),
    ),
    "completion_minutes_avg": (
        _T("overview", "Average completion time"),
        _T(
            "overview",
            "Minutes from the report to the completion, on the deadline's clock (paused time "
            "left out), averaged over the completed orders reported in the period, cancelled "
            "ones left out.",
        ),
    ),
    "completion_minutes_p90": (
        _T("overview", "Completion time, 90th percentile"),
        _T(
            "overview",
            "Nine in ten of the completed orders reported in the period were completed within "
            "this many minutes (the clock as for the average).",
        ),
    ),
    "commitment_in_48h": (
        _T("overview", "Commitment letters within 48 h"),
        _T(
            "overview",
            "Of the promised-tier orders reported in the period whose letter is issued or due, "
            "the share whose commitment letter was issued within 48 hours of the report (paused "
            "time left out, as the deadline counts it). Cancelled orders are not counted.",
        ),
    ),
    "callback_coverage": (
        _T("overview", "Callback coverage"),
        _T(
            "overview",
            "Of the orders completed in the period (whenever reported), the share the owner was "
            "called back about, as on the Callbacks tab.",
        ),
    ),
    "satisfaction": (
        _T("overview", "Satisfaction"),
        _T(
            "overview",
            "Of the callbacks made in the period, the share satisfied or basically satisfied, "
            "as on the Callbacks tab. The list shows the orders called back.",
        ),
    ),
    "reopened": (
        _T("overview", "Reopened orders"),
        _T(
            "overview",
            "Orders reported in the period that were reopened after an owner was dissatisfied.",
        ),
    ),
    "first_time_fix": (
        _T("overview", "First-time fix rate"),
        _T(
            "overview",
            "Of the orders reported in the period that have been completed at least once, the "
            "share never reopened (一次修复率).",
        ),
    ),
    "regulator_reply_rate": (
        _T("overview", "Regulator reply rate"),
        _T(
            "overview",
            "Of the regulator's tickets received in the period, the share first replied to by "
            "their reply deadline (a day after arrival when the platform sets none). A ticket "
            "unanswered and still inside its deadline is not counted yet. Target: 80 %.",
        ),
    ),
    "supervision_in_time": (
        _T("overview", "Supervision notices answered in time"),
        _T(
            "overview",
            "Of the regulator's supervision notices (督办) issued in the period, the share whose "
            "order was completed, closed or cancelled by the notice's deadline. A notice still "
            "inside its deadline is not counted yet.",
        ),
    ),
    "overdue": (
        _T("overview", "Overdue now"),
        _T(
            "overview",
            "Open orders, not paused, past their completion deadline, or past their response "
            "deadline without a response: red in the work-order list.",
        ),
    ),
    "due_soon": (
        _T("overview", "Due soon"),
        _T(
            "overview",
            "Open orders, not paused, whose completion deadline comes within the company's "
            "due-soon warning time: amber in the work-order list.",
        ),
    ),
    "callbacks_due": (
        _T("overview", "Callbacks due"),
        _T(
            "overview",
            "Completed orders waiting for their callback whose callback is due by the end of "
            "today.",
        ),
    ),
}

BREAKDOWN_TITLES: dict[str, str] = {
    "category": _T("overview", "By category"),
    "tier": _T("overview", "By tier"),
    "channel": _T("overview", "By channel"),
    "source": _T("overview", "By source"),
    "status": _T("overview", "By status"),
}
