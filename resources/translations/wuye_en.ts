<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>AddItemDialog</name>
    <message>
        <source>New close-out item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Responsible unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdministrationDialog</name>
    <message>
        <source>Administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ompany</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff director&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Au&amp;dit log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <source>Property Service Desk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User, action, household code or any detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreakdownChart</name>
    <message numerus="yes">
        <source>{value}: %n orders (before: {previous})</source>
        <translation>
            <numerusform>{value}: %n order (before: {previous})</numerusform>
            <numerusform>{value}: %n orders (before: {previous})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BuildingPane</name>
    <message>
        <source>N&amp;umber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Floors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Elevators per entrance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elevators of each unit entrance (单元); a sign is printed per elevator car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the building…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of every household code; fixed once created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As written on the wall, e.g. 3号楼</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New building</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <source>Record callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the caller&apos;s full number to call back; the reveal is logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Person reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;omment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the owner said; required when dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the number…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order will be reopened for another repair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order will be closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallbackLogButton</name>
    <message>
        <source>Print callback &amp;log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This period&apos;s callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank pages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank callback log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallbacksTab</name>
    <message>
        <source>{time} (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room / place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order number, phone or its last 4 digits, name, room, or scan; Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find orders in the queue (Ctrl+F); ↓ goes to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record callback…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or Ctrl+R on the selected order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;work orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+O: the order with its timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>called back of those completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>satisfied or basically satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for a callback now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callbacks overdue now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callback overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the callback queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n orders waiting for a callback</source>
        <translation>
            <numerusform>%n order waiting for a callback</numerusform>
            <numerusform>%n orders waiting for a callback</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the search box&apos;s text was read as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order waiting for a callback matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} is not waiting for a callback: it is {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting callbacks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{called} of {completed} completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{satisfied} satisfied · {basically} basically · {dissatisfied} not</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the categories…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the category…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseItemDialog</name>
    <message>
        <source>Close item {seq}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed &amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Checker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseMonthDialog</name>
    <message>
        <source>Close a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier open months are closed with it. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month to &amp;close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the months…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close {month}? Nothing more can be posted into {month} or any open month before it, and closing cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close {month}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed: {months}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month} is closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseoutDialog</name>
    <message>
        <source>Reading the close-out list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the close-out list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen item {seq}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete item {seq}, “{item}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gather from work orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every in-home work order of this household is already on the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a close-out sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n items: {open} open, {closed} closed</source>
        <translation>
            <numerusform>%n item: {open} open, {closed} closed</numerusform>
            <numerusform>%n items: {open} open, {closed} closed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items added from the household&apos;s work orders.</source>
        <translation>
            <numerusform>%n item added from the household&apos;s work orders.</numerusform>
            <numerusform>%n items added from the household&apos;s work orders.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows read: {added} items added, {unchanged} already on the list.</source>
        <translation>
            <numerusform>%n row read: {added} items added, {unchanged} already on the list.</numerusform>
            <numerusform>%n rows read: {added} items added, {unchanged} already on the list.</numerusform>
        </translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported. Correct these rows and import the file again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row}, {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close-out list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gather from work orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the item…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommitmentDialog</name>
    <message>
        <source>Issue commitment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommitmentModel</name>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommitmentsTab</name>
    <message>
        <source>Reading the communities…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the commitment letters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n letters</source>
        <translation>
            <numerusform>%n letter</numerusform>
            <numerusform>%n letters</numerusform>
        </translation>
    </message>
    <message>
        <source>Commitment letter {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised repairs still without a commitment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued and not yet fulfilled, overdue ones included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The promised date has passed, the work not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The work was completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reprint (copy)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommunityPane</name>
    <message>
        <source>e.g. QD001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of every household code; fixed once created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project code the housing regulator assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;de</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gulator project code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addr&amp;ess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dis&amp;trict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 3 reporting channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} · {buildings} buildings, {households} households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the community…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompanyPage</name>
    <message>
        <source>Company &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reporting address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Entrance reporting address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint &amp;line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint line&apos;s num&amp;ber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the caller&apos;s full phone on slips for the company&apos;s own sta&amp;ff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the caller&apos;s full phone on slips for outside con&amp;tractors and units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners can report by scannin&amp;g the signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page&apos;s publ&amp;ic address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reporting address is what the QR codes on home cards open; {household} is replaced by the household&apos;s code. The entrance reporting address is what lobby and elevator signs open; {entrance} is replaced by the entrance&apos;s key (QD001-3-2). Left empty, the codes carry the program&apos;s own text (WUYE:…), which owners&apos; phones cannot open. The phone above is printed on the signs as the company&apos;s service line, with the complaint line (12345, or the regulator&apos;s) for deadlines that are missed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work-order slips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Otherwise the slip shows the number masked (138****5678). Orders sent through the property company&apos;s channel go to its own staff, the others to outside units. Every slip printed with a full number is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners&apos; reporting page (扫码报修)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served by wuye owner-portal behind the company&apos;s HTTPS proxy (README). Signs printed once the public address is set open the page instead of the reporting addresses above. Switched off, the page tells owners to call the service line and files nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the company…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the company…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateListEdit</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter in the date adds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete removes the selected date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlinePreview</name>
    <message>
        <source>Computing the deadlines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a tier to see its deadlines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment letter by {response} · promised date at the latest {completion}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First response by {response} · completed by {completion}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlineSettingsDialog</name>
    <message>
        <source>Deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlines per tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-category overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promises and callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier and category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules on working time count only these hours on working days: Monday to Friday except public holidays, plus make-up working days on weekends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working &amp;hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pu&amp;blic holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Make-up working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The year to fill in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest &amp;promise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Callback due within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Due soon from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days after the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days of completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes before the deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only administrators change the deadlines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public holidays of {year} are not entered: deadlines in working time would count them as working days. Import them below or enter them by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import {year} from the State Council notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}: {holidays} holidays and {workdays} make-up working days filled in; check them and save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working day must end after it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tier and category is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectoryTab</name>
    <message>
        <source>New h&amp;ousehold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import roster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add or update households from an Excel/CSV roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a room (3-2-1201), a household code, an owner&apos;s name, a phone number or its last digits, or scan a household QR code. Ctrl+F jumps to the search box from anywhere; ↓ moves into the results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the household…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the community…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the building…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{building}, unit {unit}: %n households.</source>
        <translation>
            <numerusform>{building}, unit {unit}: %n household.</numerusform>
            <numerusform>{building}, unit {unit}: %n households.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a community in the tree (or in the filter next to the search box).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectoryTreeModel</name>
    <message>
        <source>{name} ({code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{buildings} buildings, {households} households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{floors} floors, {elevators} elevators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit {number} · {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n households</source>
        <translation>
            <numerusform>%n household</numerusform>
            <numerusform>%n households</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the directory…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisclosureDialog</name>
    <message>
        <source>Disclosure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclosure {code} {period}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public-income disclosure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the disclosure of {period} to the regulator?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published: closing balance {closing} yuan; it will be sent to the regulator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <source>&amp;Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a name, or ↓ for the staff directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillBanner</name>
    <message>
        <source>From the overview: {title}. The filters above are set aside until one is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the orders the filters above choose</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicateWarning</name>
    <message>
        <source>Open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for open orders of this category…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This household already has an open {category} order: {numbers}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new order will be filed anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open order of this category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This household already has an open {category} order: {numbers}. File a new order anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DurationEdit</name>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditPane</name>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the changes not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>New entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Di&amp;rection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ounterparty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FailedModel</name>
    <message>
        <source>Replaced by a newer version (event {id})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismissed by {who} on {when}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order / subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform&apos;s code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform&apos;s message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigureCard</name>
    <message numerus="yes">
        <source>over %n orders</source>
        <translation>
            <numerusform>over %n order</numerusform>
            <numerusform>over %n orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Status: all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: {n} chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the search box&apos;s text was read as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order number, room (3-2-1201) or words of the description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search (Ctrl+F). Enter on a whole order number or a scanned order code opens it; ↓ moves into the list; Esc clears.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show orders in these statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open orders (accepted, dispatched, in progress, reopened)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open orders past their first-response or completion deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due soon onl&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open orders whose completion deadline is near</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only orders reported between these days (inclusive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to all open orders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>First run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is new. Enter your company and create the first administrator, who then adds the other users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18 characters, e.g. 91370200MA3C12345X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name as colleagues see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandlerPicker</name>
    <message>
        <source>Reading the staff directory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>typed before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the staff directory: kept as typed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdFinder</name>
    <message>
        <source>Household code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room 3-2-1201 / household code / owner name / phone or last digits / scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search (Ctrl+F); Enter opens a single match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching households…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results appear here as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first {n} households; type more to narrow the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No household matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n household</numerusform>
            <numerusform>%n households</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the search box&apos;s text was read as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No household has the code {code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading communities…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdLookup</name>
    <message>
        <source>Phone or its last 4 digits, room 3-2-1201, household code, or scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type and press Enter; ↑/↓ choose among several households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the household…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No household matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than {n} households match: type more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n households match: ↑/↓ choose, Enter picks.</source>
        <translation>
            <numerusform>%n household matches: ↑/↓ choose, Enter picks.</numerusform>
            <numerusform>%n households match: ↑/↓ choose, Enter picks.</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the text in the box was read as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdPane</name>
    <message>
        <source>Building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Building / unit / room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;rea (m²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 89.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the number…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the household…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close-out list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{community} · building {building}, unit {unit}, room {room}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New household</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdPanel</name>
    <message>
        <source>Open and recent orders of this household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the household…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A common-area order: no household, just the place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the household to see its open and recent orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners: {owners}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No orders so far.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import household roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An Excel (.xlsx) or CSV roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns: {required} (required); {optional}. A roster with any bad row is refused whole, with every problem listed; households already present are updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported. Fix these rows in the file and import it again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;py list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rosters (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the roster file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the community first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing households…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n rows: {added} added, {updated} updated, {unchanged} unchanged.</source>
        <translation>
            <numerusform>Imported %n row: {added} added, {updated} updated, {unchanged} unchanged.</numerusform>
            <numerusform>Imported %n rows: {added} added, {updated} updated, {unchanged} unchanged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The roster was refused: %n problem(s).</source>
        <translation>
            <numerusform>The roster was refused: %n problem.</numerusform>
            <numerusform>The roster was refused: %n problems.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportErrorsModel</name>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New work order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common &amp;area instead of a household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where, e.g. Building 3 lobby, north gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the caller reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile or landline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No household matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the communities…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this order?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you typed for this order will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>&amp;Household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;ocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mmunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cha&amp;nnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call&amp;er</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter saves · Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checker</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LazyTable</name>
    <message>
        <source>Reading rows…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <source>Reading the special accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{bank}, account {number}, opened {day} with {opening} yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the categories…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no communities yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This community has no special account yet. Open it to keep its public-income register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This community has no special account yet. Finance staff can open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the ledger&apos;s chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting entries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public-income ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the ledger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries exported to {path}</source>
        <translation>
            <numerusform>%n entry exported to {path}</numerusform>
            <numerusform>%n entries exported to {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher, counterparty or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close a month…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed months…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import statement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclosure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open account…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Upgrading the database: {done} of %n changes counted for the overview…</source>
        <translation>
            <numerusform>Upgrading the database: {done} of %n change counted for the overview…</numerusform>
            <numerusform>Upgrading the database: {done} of %n changes counted for the overview…</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the company…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please type your user name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reading the company…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the holiday calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The holidays of {year} are missing: fill them in under Deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property Service Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out and let another user log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the cursor in the search box of this tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language and your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Administration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company, users and the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New work order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a call: find the household, file the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff director&amp;y…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technicians, teams and contractors&apos; contacts that orders are dispatched to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deadlines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlines per tier and category, working time, callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Regulator platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The regulator&apos;s platform: address, secret, sync interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role: {role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {db}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Property Service Desk {version}&lt;/h3&gt;&lt;p&gt;Repair guarantee under the “4个3” practice (3 locations, 3 channels, 3 tiers, 3 documents), public-income ledgers and reporting to the housing regulator, for property-management companies.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenAccountDialog</name>
    <message>
        <source>Open the special account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. ICBC Qingdao Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening balance (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default income and expense categories are set up with it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderActionDialog</name>
    <message>
        <source>Reading the order…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <source>{status} (paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the number…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an order in the list to see it here with its timeline. Ctrl+N takes a new call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room / place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regulator ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the caller&apos;s full number; the reveal is logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderFiling</name>
    <message>
        <source>Saving the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {name}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a community in the directory first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderMoves</name>
    <message>
        <source>&amp;Dispatch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transf&amp;er…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to a channel and a handler; on a dispatched order, transfer it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start work…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work begins; a promised repair needs its commitment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Complete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The work is done; the order waits for its callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call&amp;back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the owner&apos;s verdict; dissatisfied reopens the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;use…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close a completed order without a callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ancel order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the order, with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the deadline clock, with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart the deadline clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issue commitment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the written promise of a promised repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a note to the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a JPEG or PNG picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to re&amp;gulator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the regulator&apos;s ticket this order was made from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the list again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weekly list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished orders as of Friday 16:00 of a week, per community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the search box into the list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderPhotos</name>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderPrintActions</name>
    <message>
        <source>Work-order slip {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment letter {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback form {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work-order &amp;slip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The technician&apos;s slip with the order&apos;s QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment &amp;letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 承诺书 of a promised repair; prints after the first are copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call&amp;back form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 回访单 of a completed order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close-&amp;out list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The household&apos;s 销项表: defect items to close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderRegulatorBox</name>
    <message>
        <source>reply overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket &lt;b&gt;{ticket}&lt;/b&gt; · {level} · reply due {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reply yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision notice {id} · issued {issued} · deadline {deadline}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to re&amp;gulator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the regulator&apos;s platform how the ticket stands</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderTable</name>
    <message>
        <source>Showing {loaded} — counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order matches the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing {loaded} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderTimeline</name>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Reading communities…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the overview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{scope}: {period}, against {previous}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>against {previous}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{scope}: what needs doing now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n changes not counted yet; refresh later</source>
        <translation>
            <numerusform>%n change not counted yet; refresh later</numerusform>
            <numerusform>%n changes not counted yet; refresh later</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone else&apos;s work was holding the database (an import, a restore), or many changes are still to be counted after an upgrade. The figures shown leave these changes out until a later refresh counts them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture (*.png);;PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Community:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the figures and charts as shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the figures and charts as a PNG picture or a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Breakdown:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OwnerRow</name>
    <message>
        <source>Owner name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile or landline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show full number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the whole number; this is recorded in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this owner</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No font of the documents has these characters; they print as {mark}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{codes} in {field}: “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing {title}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PictureList</name>
    <message>
        <source>Add p&amp;ictures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverses #{seq}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversed by #{seq}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversed by entry #{seq}; Enter or a double click goes to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverses entry #{seq}; Enter or a double click goes to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the register…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Regulator</name>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly synced, retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform asks to wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform unreachable, retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: check the credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clocks differ: sync stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another desk is syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partly synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clock wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another desk syncs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not ours to handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income disclosure</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegulatorIndicator</name>
    <message>
        <source>Reading the regulator state…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regulator: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to send {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing with the regulator platform…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegulatorSettingsDialog</name>
    <message>
        <source>Regulator platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync with the platform in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform &amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ecret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company code sent to the platform: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the stored secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored: leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None stored yet for this platform: enter the secret it gave you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keyring: kept in {file}, readable only by you (your account on this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reachable: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachable. Clock difference: {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set this computer&apos;s clock right: the platform refuses requests more than 300 s off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials not checked: no secret entered or stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials refused: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret could not be stored: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegulatorSync</name>
    <message>
        <source>Reading the regulator settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing with the regulator platform…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegulatorTab</name>
    <message>
        <source>Reading the regulator state…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No regulator platform is set up yet. Set it up to report orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No regulator platform is set up yet: ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background sync is switched off in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{seconds} s (platform minus this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no ticket due yet · target {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rate} ({in_time}/{counted}) · target {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatches ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform refused these events; the later events about the same order or subject wait. Correct the cause, then retry, or dismiss an event the platform need not have, saying why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Putting the events back in the queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss refused events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismissing the events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing with the platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} to retry later</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) not replied to before the deadline</source>
        <translation>
            <numerusform>%n ticket not replied to before the deadline</numerusform>
            <numerusform>%n tickets not replied to before the deadline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) back in the queue: they go with the next sync.</source>
        <translation>
            <numerusform>%n event back in the queue: it goes with the next sync.</numerusform>
            <numerusform>%n events back in the queue: they go with the next sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) will never be sent to the platform, and what waits behind them goes on. Why need the platform not have them? (Kept in the audit log.)</source>
        <translation>
            <numerusform>%n event will never be sent to the platform, and what waits behind it goes on. Why need the platform not have it? (Kept in the audit log.)</numerusform>
            <numerusform>%n events will never be sent to the platform, and what waits behind them goes on. Why need the platform not have them? (Kept in the audit log.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dismissed.</source>
        <translation>
            <numerusform>%n event dismissed.</numerusform>
            <numerusform>%n events dismissed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new ticket(s)</source>
        <translation>
            <numerusform>%n new ticket</numerusform>
            <numerusform>%n new tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new notice(s)</source>
        <translation>
            <numerusform>%n new notice</numerusform>
            <numerusform>%n new notices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable item(s) skipped</source>
        <translation>
            <numerusform>%n unreadable item skipped</numerusform>
            <numerusform>%n unreadable items skipped</numerusform>
        </translation>
    </message>
    <message>
        <source>another desk is syncing right now; it sends this desk&apos;s events too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting behind a refused event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send what is queued and fetch new tickets now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform address, secret, interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry &amp;selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dismiss…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing refused: every event reached the platform or is on its way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ticket from the platform yet. Tickets (12345 calls, platform complaints) become work orders by themselves at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No supervision notice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Reply to the regulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was done, or what happens next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose responsibility it is, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rea&amp;son</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This order did not come from the regulator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket {ticket} · {level} · reply due {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password for {name} ({username}). Tell it to them in person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Reverse entry #{seq}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: why the entry is corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry #{seq} of {day}: {amount} yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleRow</name>
    <message>
        <source>Calendar time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar time counts every minute; working time only the working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavedNotice</name>
    <message>
        <source>Open the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open its folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language of the program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change pass&amp;word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignageTab</name>
    <message>
        <source>Counting the pages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Preview: %n page(s) ({parts}).</source>
        <translation>
            <numerusform>Preview: %n page ({parts}).</numerusform>
            <numerusform>Preview: %n pages ({parts}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The community&apos;s pack: %n page(s).</source>
        <translation>
            <numerusform>The community&apos;s pack: %n page.</numerusform>
            <numerusform>The community&apos;s pack: %n pages.</numerusform>
        </translation>
    </message>
    <message>
        <source>lobby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>elevator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in-home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one building and one place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the community&apos;s signage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating the community&apos;s signage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank callback forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“4个3” signage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lobby (one per unit entrance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Elevator car (one per elevator of each entrance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;In-home card (one per household)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How &amp;many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notices show the community&apos;s 3 repair channels (unit, contact, phone, service hours), the 3 tiers with the deadlines of the company&apos;s rules and examples, the lines to complain to, and a QR code: the entrance&apos;s on lobby and elevator notices (large, read from 1-2 m), each household&apos;s own on its in-home card.

Preview shows the chosen buildings and places; the pack holds all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the communities…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the community…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{name} (%n elevators)</source>
        <translation>
            <numerusform>{name} (%n elevator)</numerusform>
            <numerusform>{name} (%n elevators)</numerusform>
        </translation>
    </message>
    <message>
        <source>P&amp;review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate the community&apos;s pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every building and place of the community in one PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in before printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A notice without its channels&apos; details must not go up. Fill these in on the community in the Directory tab:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank callback forms (回访单), numbered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print &amp;blank forms…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Add to the staff directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mmunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Active: offered when dispatching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 张师傅, 绿化班, 青岛房修 李工</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffDirectoryDialog</name>
    <message>
        <source>Staff directory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>&amp;New person or team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deacti&amp;vate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the staff directory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartWorkDialog</name>
    <message>
        <source>Start work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A promised repair starts with its written commitment. It gets a commitment number; the letter is printed from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The commitment has been issued meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatementImportDialog</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a bank statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns (found by their headers; change if needed):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statements (*.csv *.xlsx *.xls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing the statement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n entries (income {income}, expense {expense} yuan); {d} duplicates skipped.</source>
        <translation>
            <numerusform>Imported %n entry (income {income}, expense {expense} yuan); {d} duplicates skipped.</numerusform>
            <numerusform>Imported %n entries (income {income}, expense {expense} yuan); {d} duplicates skipped.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported. Correct these rows and try again:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisionModel</name>
    <message>
        <source>Past the deadline and the order is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {error}
The details are in the log file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketModel</name>
    <message>
        <source>The reply is overdue: no reply was sent before the deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TierPie</name>
    <message numerus="yes">
        <source>{value}: %n orders (before: {previous})</source>
        <translation>
            <numerusform>{value}: %n order (before: {previous})</numerusform>
            <numerusform>{value}: %n orders (before: {previous})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TotalsDialog</name>
    <message>
        <source>Totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the totals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{period}: opening {opening}, income {income}, expense {expense}, closing {closing} yuan; %n entries</source>
        <translation>
            <numerusform>{period}: opening {opening}, income {income}, expense {expense}, closing {closing} yuan; %n entry</numerusform>
            <numerusform>{period}: opening {opening}, income {income}, expense {expense}, closing {closing} yuan; %n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the months…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message numerus="yes">
        <source>{first} to {last}: %n orders reported</source>
        <translation>
            <numerusform>{first} to {last}: %n order reported</numerusform>
            <numerusform>{first} to {last}: %n orders reported</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;May log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeeklyDialog</name>
    <message>
        <source>Weekly list of unfinished work</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeeklyView</name>
    <message>
        <source>Reading the list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the weekly list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly list {week}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Unfinished at Friday {cutoff}: %n order(s)</source>
        <translation>
            <numerusform>Unfinished at Friday {cutoff}: %n order</numerusform>
            <numerusform>Unfinished at Friday {cutoff}: %n orders</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO week; the list is as of its Friday 16:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkOrders</name>
    <message>
        <source>&amp;Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised &amp;date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible &amp;unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible p&amp;erson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible person&apos;s p&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will be done, and how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing a commitment letter needs a manager or an administrator; ask one to issue it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: what was found and done, e.g. replaced the pipe joint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the owner could not be reached three times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the owner fixed it himself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. waiting for the owner&apos;s access, or for parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes on the timeline, signed with your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to regulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue {span}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>response overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due in {span}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{status} (paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The regulator supervises this order: deadline {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deadline has passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room / place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading orders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for changes…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkOrdersTab</name>
    <message>
        <source>Reading communities…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This order is not in the list with the current filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting orders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>The database cannot be reached ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be upgraded ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {db}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was upgraded; a copy of it from before is at {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside the program. Details were written to the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>Logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account locked after failed logins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own password changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to the staff directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff directory entry changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken off the staff directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full phone number shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work order taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work order dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work order completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work order closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work order reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work order cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment letter issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline clock paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline clock resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-over item added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-over item changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-over item closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-over item reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-over item deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-over items gathered from work orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-over items imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger account opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger category added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger entry posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger entry reversed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger months closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger disclosure published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank statement imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regulator connection set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket received from the regulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision notice received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply sent to the regulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused report given up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports sent again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlines changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work-order settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone on work-order slips changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners&apos; reporting page changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database backed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report to the regulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regulator ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elevators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contractors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days to call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due soon (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverses entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work-order slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank callback forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank callback log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-over list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger disclosure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly supervision report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({details})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Between 0 and {max}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown kind of demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database already has data ({what}). Demo data goes only into a new, empty database: choose another one with --db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-delivery inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners&apos; open day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A day that has not come yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who checked the repair?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such close-out item: {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somebody else saved this record first. It has been reloaded; please make your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items from orders are gathered, not typed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {seq} is already closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {seq} is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No header row found in {name}: the first lines need a column such as 问题, 部位, 责任单位, 整改期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a date (write it like 2026-12-31)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分户验收, 开放日 or 其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has no items below its header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has more than {n} items for one household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a mainland mobile or landline number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An https:// address containing {{household}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An https:// address containing {{entrance}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A public line such as 12345, or a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company is not set up yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such community: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code is taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between 0 and 200</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between 0 and 50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number is taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such building: {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square metres, e.g. 89.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such household: {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such owner: {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this: {permission}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, row {row}: not valid {encoding} text (a damaged file, or saved in another encoding); save it again from Excel as .xlsx or CSV UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is neither UTF-8 nor GBK text; save it from Excel as .xlsx or CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a readable CSV file ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a readable Excel workbook ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} unpacks to {size}, more than the {limit} an import reads; split it into smaller files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is damaged: its first sheet cannot be read; open it in Excel and save it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is damaged after row {row}: the rest of its first sheet cannot be read; open it in Excel and save it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has more than {limit} rows; split it into smaller files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such file: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder, not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a file that can be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is {size}, more than the {limit} an import reads; split it into smaller files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No header row found in {name}: the first lines need columns such as 楼号, 单元, 房号, 业主, 电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing column (accepted names: {names})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has no household rows below its header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A masked number (138****5678) cannot be imported; give the whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{room} is already in row {other}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be more than zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response cannot come after completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown tier or category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between 1 and 365 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between 1 and 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between 10 minutes and 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order that is {current} cannot become {target}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {n} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters, digits, dots and underscores; at most 64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user name is taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed attempts: the account is locked for {minutes} more minute(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database already has a company and users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such user: {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot demote or disable yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A credit code has 18 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A credit code uses digits and capital letters other than I, O, S, V, Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check character of the credit code is wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 to 12 capital letters and digits, starting with a letter (e.g. QD001)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 8 letters or digits, no spaces or dashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Housing-repair contractor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Developer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fire safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-bike parking and charging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elevator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged pavement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public lighting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greenery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall cracks and hollows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doors and windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In-home plumbing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In-home electrical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water, gas and heating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own technician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12345 hotline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regulator platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix within a deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix under a written promise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a PostgreSQL database: restore it with PostgreSQL&apos;s own tool, e.g. pg_restore --clean --if-exists --no-owner -d &apos;{url}&apos; wuye.dump (stop every desk first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a PostgreSQL database: back it up with PostgreSQL&apos;s own tool, e.g. pg_dump --format=custom --file=wuye.dump &apos;{url}&apos; (restore with pg_restore).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An in-memory database has no file to copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database at {path} to back up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup cannot be the database itself: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} already exists; choose a new name (an old backup is never overwritten)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be written to {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed its check ({reason}); nothing was kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not an SQLite database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a usable backup of this program ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} was made by a newer version of this program (schema {rev}); install that version to restore it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is the database itself, not a backup of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore failed ({reason}). The previous database is kept as {copy}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported database URL: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be used right now ({reason}). Please retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a database of the program, or it is damaged ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program deleted or replaced the database&apos;s files ({files}) while this program was using them. Nothing more has been saved, so that nothing is written where it would be lost. Close the program and start it again; if work is missing, restore the latest backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was made by a newer version of this program (schema {rev}). Please install the newer version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such work order: {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such photo: {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A week is written like 2026-W47</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somebody else changed order {number} first. It has been reloaded; please check it and make your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {n} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a household or describe the common-area place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a masked number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time without a time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a household of this community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an owner of this household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The promised date has passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {n} days from today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only promised-tier orders get a commitment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number} already has a commitment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order that is {current} cannot get a commitment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A promised order cannot start without its commitment: plan, promised date, responsible unit and person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what was found and done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the order before completing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the order is cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order that is {current} cannot be paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order is already paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order is not paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down what the owner is unhappy with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A callback is made after completion; order {number} is {current}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only JPEG and PNG pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A picture may be at most 8 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number} is {current}: its callback form is printed once it is completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between 1 and {max}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number} is not a promised-tier order, so it has no commitment letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number} has no commitment yet: issue it first (plan, promised date, responsible unit and person).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The documents&apos; font is missing ({path}); reinstall the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community {community}: fill in the unit name of {channel}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community {community}: fill in the contact of {channel}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community {community}: fill in the phone of {channel}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community {community}: fill in the service hours of {channel}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lobby, elevator, home or all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reporting address is configured for {places}: owners&apos; phones will only see the text of these codes (WUYE:…), which only the desk&apos;s scanner understands. Set the addresses in Administration → Company.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4 or A3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community {community} has nothing to post there yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{period} has not begun yet; there is nothing to disclose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close every month of {period} before publishing its disclosure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger changed while the disclosure was prepared; try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An amount is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}: amounts have at most two decimals (fen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not an amount (e.g. 1,234.50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is too large an amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a period (2026Q3 or 2026-07)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community {code} has no public-income account yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contains control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {limit} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be more than 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8 to 32 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community {code} already has its account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income or expense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowercase letters, digits and _</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} exists already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This community has no public-income account yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} is before the account was opened ({opened})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} is in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period {period} is closed; nothing more may be posted into it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{category} is not an income category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{category} is not an expense category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entry #{seq} in the ledger of {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry #{seq} is itself a reversal and is final</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry #{seq} was already reversed by entry #{by}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for the reversal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months are closed one by one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{period} has not ended yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{period} is before the account was opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period {period} is closed already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger of {code} is broken at entry #{seq}: the entry was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger of {code} is broken at entry #{seq}: the entry was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger of {code} is broken at entry #{seq}: an entry was inserted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger of {code} is broken after entry #{seq}: entries were added or removed at the end behind the program&apos;s back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: no header row with a date column and an amount column (or income and expense columns) was found; map the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a date (2026-03-05)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both {income} ({income_text}) and {expense} ({expense_text}) are filled; a row is either income or expense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must not be 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeats row {other}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger entry #{seq} cannot be edited or deleted; post a reversing entry instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why it is not yours to handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number} did not come from the regulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an http(s) URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a base URL has no query or fragment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain http is allowed only to this computer (127.0.0.1, ::1, localhost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the event is dismissed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not dismiss this regulator event ({kind}): ask a manager or administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event {id} was not refused by the platform, so there is nothing to dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not resend regulator events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up the company first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not usable: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {n} seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {n} seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped before the end; the rest goes at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another desk took over the sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another desk is syncing with the platform right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform cannot be reached: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clocks differ by {seconds} s: platform {platform}, this computer {here}. Set this computer&apos;s clock right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform refused the credentials ({detail}). Check the company&apos;s credit code and the secret in the regulator settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET {path}: the answer has no list of items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET {path}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform asks to wait until {until}; the sync goes on then by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done in part ({detail}); the rest is tried again at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET {path}: the platform keeps saying there is more without sending any; stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform refused the request: “{words}”. The clocks differ by {seconds} s: platform {platform}, this computer {here}. Set this computer&apos;s clock right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the platform&apos;s clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending events: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {what}: page {page}, {items} item(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform asks to wait; resending at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dispatched tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervision notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No regulator platform is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The regulator settings cannot be used: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret for this platform is stored on this computer; enter it in the regulator settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the platform did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the platform&apos;s server refused the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the platform&apos;s host name cannot be found (check the address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer has no network route to the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the platform&apos;s TLS certificate is not trusted (a company CA file may be needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the platform&apos;s /health has no readable time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order number {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone ending {value} or order number ending {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order number ending {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household code prefix {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room: building {building}, unit {unit}, room {room}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name {value} or description containing {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unrecognised scanned code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners&apos; page of household {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners&apos; page of entrance {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a period (2026-11, 2026Q4 or 2026-11-01..2026-11-15)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household of order {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone ending {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value}: a phone number needs 4 digits or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner named {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such community: {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a month: {text}. Write it as 2026-11</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The official holidays of {year} are not in this version of the program yet (it knows {first} to {last}); enter them by hand, or update the program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An https:// address (http:// only for 127.0.0.1, to try the page out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This order cannot be rated now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {n} pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many reports from here within the hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already in the directory for this community and channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such person in the staff directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somebody else changed {name} first. It has been reloaded; please make your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer in the staff directory: pick somebody else or type a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} works in another community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} works for another channel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Database files lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot do this</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>overview</name>
    <message>
        <source>Whole company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>against {period}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week {week} of {year} ({first} to {last})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month}/{year}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q{quarter} {year}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a period: {text}. Write 2026-11 (a month), 2026Q3 (a quarter), 2026-W47 (a week), 2026 (a year) or 2026-11-01..2026-11-15 (days, both included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{period} (so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day (included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend by week (weeks start on the day shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported {first} to {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed on time: {rate} ({hits} of {count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to list them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed on time by community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{community}: orders judged on time or late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{community}: {hits} of {count} completed on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders reported in the period (by the local day they were reported), cancelled ones included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responded on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the orders reported in the period whose response is due or done, the share responded to (first dispatch or start; for promised orders the commitment letter) by the response deadline. Paused time is left out as the deadlines leave it out; cancelled orders are not counted; a reopened order is judged by its latest round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the orders reported in the period whose completion is due or done, the share completed by the completion deadline. Paused time is left out; cancelled orders are not counted; a reopened order is judged by its latest round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average response time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes from the report to the response, on the deadline&apos;s clock (paused time and, for working-time rules, time off left out), averaged over the orders reported in the period that have been responded to, cancelled ones left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response time, 90th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nine in ten of the responded orders reported in the period were responded to within this many minutes (the clock as for the average).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average completion time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes from the report to the completion, on the deadline&apos;s clock (paused time left out), averaged over the completed orders reported in the period, cancelled ones left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion time, 90th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nine in ten of the completed orders reported in the period were completed within this many minutes (the clock as for the average).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment letters within 48 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the promised-tier orders reported in the period whose letter is issued or due, the share whose commitment letter was issued within 48 hours of the report (paused time left out, as the deadline counts it). Cancelled orders are not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the orders completed in the period (whenever reported), the share the owner was called back about, as on the Callbacks tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the callbacks made in the period, the share satisfied or basically satisfied, as on the Callbacks tab. The list shows the orders called back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders reported in the period that were reopened after an owner was dissatisfied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First-time fix rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the orders reported in the period that have been completed at least once, the share never reopened (一次修复率).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regulator reply rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the regulator&apos;s tickets received in the period, the share first replied to by their reply deadline (a day after arrival when the platform sets none). A ticket unanswered and still inside its deadline is not counted yet. Target: 80 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision notices answered in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the regulator&apos;s supervision notices (督办) issued in the period, the share whose order was completed, closed or cancelled by the notice&apos;s deadline. A notice still inside its deadline is not counted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open orders, not paused, past their completion deadline, or past their response deadline without a response: red in the work-order list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open orders, not paused, whose completion deadline comes within the company&apos;s due-soon warning time: amber in the work-order list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callbacks due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed orders waiting for their callback whose callback is due by the end of today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callbacks and the regulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} · {tier}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hits} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to list the orders it counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{figure}: those that met it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{figure}: those that did not meet it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the orders it counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the orders that met it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the orders that did not meet it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tabs</name>
    <message>
        <source>Regulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
