<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddItemDialog</name>
    <message>
        <source>New close-out item</source>
        <translation>新增销项条目</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation>问题(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>部位(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Responsible unit</source>
        <translation>责任单位(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Origin</source>
        <translation>来源(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>AdministrationDialog</name>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>C&amp;ompany</source>
        <translation>公司信息(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <source>Staff director&amp;y</source>
        <translation>人员名录(&amp;Y)</translation>
    </message>
    <message>
        <source>Au&amp;dit log</source>
        <translation>审计日志(&amp;D)</translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <source>Property Service Desk</source>
        <translation>物业服务台</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>User, action, household code or any detail</source>
        <translation>用户、操作、房屋编码或任意详情</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching the audit log…</source>
        <translation>正在查询操作日志…</translation>
    </message>
</context>
<context>
    <name>BreakdownChart</name>
    <message numerus="yes">
        <source>{value}: %n orders (before: {previous})</source>
        <translation>
            <numerusform>{value}：%n 单（上期 {previous} 单）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BuildingPane</name>
    <message>
        <source>N&amp;umber</source>
        <translation>楼号(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Floors</source>
        <translation>层数(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Elevators per entrance</source>
        <translation>每单元电梯数(&amp;E)</translation>
    </message>
    <message>
        <source>Elevators of each unit entrance (单元); a sign is printed per elevator car</source>
        <translation>每个单元的电梯数；每部电梯轿厢打印一张公示</translation>
    </message>
    <message>
        <source>Reading the building…</source>
        <translation>正在读取楼栋…</translation>
    </message>
    <message>
        <source>e.g. 3</source>
        <translation>例如 3</translation>
    </message>
    <message>
        <source>Part of every household code; fixed once created</source>
        <translation>是每个房屋编码的一部分，创建后不能修改</translation>
    </message>
    <message>
        <source>As written on the wall, e.g. 3号楼</source>
        <translation>与楼体标识一致，例如 3号楼</translation>
    </message>
    <message>
        <source>New building</source>
        <translation>新建楼栋</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <source>Record callback</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <source>Show number</source>
        <translation>显示号码</translation>
    </message>
    <message>
        <source>Show the caller&apos;s full number to call back; the reveal is logged</source>
        <translation>显示报修人的完整号码以便回访；此操作会记入日志</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>报修人</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>方式(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Person reached</source>
        <translation>联系到的人(&amp;P)</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>C&amp;omment</source>
        <translation>意见(&amp;O)</translation>
    </message>
    <message>
        <source>Who answered</source>
        <translation>接听人</translation>
    </message>
    <message>
        <source>What the owner said; required when dissatisfied</source>
        <translation>业主的意见；不满意时必填</translation>
    </message>
    <message>
        <source>Save callback</source>
        <translation>保存回访</translation>
    </message>
    <message>
        <source>Showing the number…</source>
        <translation>正在显示号码…</translation>
    </message>
    <message>
        <source>The order will be reopened for another repair.</source>
        <translation>工单将重新处理，再次维修。</translation>
    </message>
    <message>
        <source>The order will be closed.</source>
        <translation>工单将被关闭。</translation>
    </message>
</context>
<context>
    <name>CallbackLogButton</name>
    <message>
        <source>Print callback &amp;log…</source>
        <translation>打印回访记录表(&amp;L)…</translation>
    </message>
    <message>
        <source>This period&apos;s callbacks</source>
        <translation>本期回访记录</translation>
    </message>
    <message>
        <source>Blank pages…</source>
        <translation>空白记录表…</translation>
    </message>
    <message>
        <source>Callback log</source>
        <translation>回访记录表</translation>
    </message>
    <message>
        <source>Blank callback log</source>
        <translation>空白回访记录表</translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation>页数：</translation>
    </message>
</context>
<context>
    <name>CallbacksTab</name>
    <message>
        <source>{time} (overdue)</source>
        <translation>{time}（已超期）</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Callback due</source>
        <translation>回访期限</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完工时间</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Room / place</source>
        <translation>房号 / 位置</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题分类</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>报修人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Order number, phone or its last 4 digits, name, room, or scan; Enter</source>
        <translation>工单号、电话或尾号4位、姓名、房号，或扫码；按回车</translation>
    </message>
    <message>
        <source>Find orders in the queue (Ctrl+F); ↓ goes to the list</source>
        <translation>在待回访队列中查找工单（Ctrl+F）；按 ↓ 进入列表</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>期间(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>仅看超时(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Record callback…</source>
        <translation>登记回访(&amp;R)…</translation>
    </message>
    <message>
        <source>Enter or Ctrl+R on the selected order</source>
        <translation>在选中的工单上按回车或 Ctrl+R</translation>
    </message>
    <message>
        <source>Open in &amp;work orders</source>
        <translation>在工单中打开(&amp;W)</translation>
    </message>
    <message>
        <source>Ctrl+O: the order with its timeline</source>
        <translation>Ctrl+O：查看工单及处理记录</translation>
    </message>
    <message>
        <source>called back of those completed</source>
        <translation>已完工工单中已回访</translation>
    </message>
    <message>
        <source>satisfied or basically satisfied</source>
        <translation>满意或基本满意</translation>
    </message>
    <message>
        <source>waiting for a callback now</source>
        <translation>当前待回访</translation>
    </message>
    <message>
        <source>callbacks overdue now</source>
        <translation>当前回访超期</translation>
    </message>
    <message>
        <source>callback overdue</source>
        <translation>回访已超期</translation>
    </message>
    <message>
        <source>Reading the callback queue…</source>
        <translation>正在读取回访队列…</translation>
    </message>
    <message numerus="yes">
        <source>%n orders waiting for a callback</source>
        <translation>
            <numerusform>%n 张工单待回访</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching: {what}</source>
        <translation>识别为：{what}</translation>
    </message>
    <message>
        <source>What the search box&apos;s text was read as</source>
        <translation>搜索框中的内容被识别为什么</translation>
    </message>
    <message>
        <source>No order waiting for a callback matches.</source>
        <translation>没有符合条件的待回访工单。</translation>
    </message>
    <message>
        <source>Finding the order…</source>
        <translation>正在查找工单…</translation>
    </message>
    <message>
        <source>{number} is not waiting for a callback: it is {status}.</source>
        <translation>{number} 不在待回访状态：当前为“{status}”。</translation>
    </message>
    <message>
        <source>Counting callbacks…</source>
        <translation>正在统计回访…</translation>
    </message>
    <message>
        <source>{called} of {completed} completed</source>
        <translation>{completed} 张已完工中已回访 {called} 张</translation>
    </message>
    <message>
        <source>{satisfied} satisfied · {basically} basically · {dissatisfied} not</source>
        <translation>满意 {satisfied} · 基本满意 {basically} · 不满意 {dissatisfied}</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Categories</source>
        <translation>收支类别</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>添加类别</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>新增类别</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>收支</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Reading the categories…</source>
        <translation>正在读取类别…</translation>
    </message>
    <message>
        <source>Adding the category…</source>
        <translation>正在添加类别…</translation>
    </message>
</context>
<context>
    <name>CloseItemDialog</name>
    <message>
        <source>Close item {seq}</source>
        <translation>第 {seq} 项销项</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Closed &amp;on</source>
        <translation>销项日期(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Checker</source>
        <translation>验收人(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>CloseMonthDialog</name>
    <message>
        <source>Close a month</source>
        <translation>按月结账</translation>
    </message>
    <message>
        <source>Closed months</source>
        <translation>结账情况</translation>
    </message>
    <message>
        <source>&amp;Months</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <source>Earlier open months are closed with it. This cannot be undone.</source>
        <translation>之前尚未结账的月份将一并结账。结账后不能撤销。</translation>
    </message>
    <message>
        <source>Month to &amp;close</source>
        <translation>结账月份(&amp;C)</translation>
    </message>
    <message>
        <source>Reading the months…</source>
        <translation>正在读取月份…</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>结账人</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>结账时间</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结账</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结账</translation>
    </message>
    <message>
        <source>Close {month}? Nothing more can be posted into {month} or any open month before it, and closing cannot be undone.</source>
        <translation>确定结账 {month} 吗？结账后 {month} 及其之前未结账的月份都不能再记账，结账不能撤销。</translation>
    </message>
    <message>
        <source>&amp;Close {month}</source>
        <translation>结账 {month}(&amp;C)</translation>
    </message>
    <message>
        <source>Closed: {months}.</source>
        <translation>已结账：{months}。</translation>
    </message>
    <message>
        <source>{month} is closed.</source>
        <translation>{month} 已结账。</translation>
    </message>
</context>
<context>
    <name>CloseoutDialog</name>
    <message>
        <source>Reading the close-out list…</source>
        <translation>正在读取销项清单…</translation>
    </message>
    <message>
        <source>Saving the close-out list…</source>
        <translation>正在保存销项清单…</translation>
    </message>
    <message>
        <source>Reopen item {seq}</source>
        <translation>撤销第 {seq} 项的销项</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>删除条目</translation>
    </message>
    <message>
        <source>Delete item {seq}, “{item}”?</source>
        <translation>删除第 {seq} 项“{item}”吗？</translation>
    </message>
    <message>
        <source>Gather from work orders</source>
        <translation>从工单汇总</translation>
    </message>
    <message>
        <source>Every in-home work order of this household is already on the list.</source>
        <translation>该房屋的户内工单均已在销项表中。</translation>
    </message>
    <message>
        <source>Import a close-out sheet</source>
        <translation>导入销项表</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>电子表格 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message numerus="yes">
        <source>%n items: {open} open, {closed} closed</source>
        <translation>
            <numerusform>共 %n 项：未销项 {open} 项，已销项 {closed} 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items added from the household&apos;s work orders.</source>
        <translation>
            <numerusform>已从该房屋的工单中添加 %n 项。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows read: {added} items added, {unchanged} already on the list.</source>
        <translation>
            <numerusform>已读取 %n 行：新增 {added} 项，{unchanged} 项已在销项表中。</numerusform>
        </translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… 另有 {n} 条</translation>
    </message>
    <message>
        <source>Nothing was imported. Correct these rows and import the file again:</source>
        <translation>未导入任何数据。请改正以下各行后重新导入文件：</translation>
    </message>
    <message>
        <source>Row {row}, {text}</source>
        <translation>第 {row} 行，{text}</translation>
    </message>
    <message>
        <source>Close-out list</source>
        <translation>销项表</translation>
    </message>
    <message>
        <source>&amp;New item…</source>
        <translation>新增条目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Close item…</source>
        <translation>销项(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Reopen…</source>
        <translation>撤销销项(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>从 Excel 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Gather from work orders</source>
        <translation>从工单汇总(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Saving the item…</source>
        <translation>正在保存销项…</translation>
    </message>
</context>
<context>
    <name>CommitmentDialog</name>
    <message>
        <source>Issue commitment</source>
        <translation>出具承诺书</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>出具</translation>
    </message>
</context>
<context>
    <name>CommitmentModel</name>
    <message>
        <source>Order</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>承诺书编号</translation>
    </message>
    <message>
        <source>Promised date</source>
        <translation>承诺日期</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任单位/责任人</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>出具时间</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>工单状态</translation>
    </message>
</context>
<context>
    <name>CommitmentsTab</name>
    <message>
        <source>Reading the communities…</source>
        <translation>正在读取小区…</translation>
    </message>
    <message>
        <source>Reading the commitment letters…</source>
        <translation>正在读取承诺书…</translation>
    </message>
    <message numerus="yes">
        <source>%n letters</source>
        <translation>
            <numerusform>共 %n 份承诺书</numerusform>
        </translation>
    </message>
    <message>
        <source>Commitment letter {number}</source>
        <translation>承诺书 {number}</translation>
    </message>
    <message>
        <source>To issue</source>
        <translation>待出具</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已出具</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>已兑现</translation>
    </message>
    <message>
        <source>Promised repairs still without a commitment</source>
        <translation>尚未出具承诺书的承诺修工单</translation>
    </message>
    <message>
        <source>Issued and not yet fulfilled, overdue ones included</source>
        <translation>已出具、尚未兑现的承诺书（含已超期的）</translation>
    </message>
    <message>
        <source>The promised date has passed, the work not done</source>
        <translation>已过承诺日期，仍未修复</translation>
    </message>
    <message>
        <source>The work was completed</source>
        <translation>维修已完成</translation>
    </message>
    <message>
        <source>&amp;Community</source>
        <translation>小区(&amp;C)</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部小区</translation>
    </message>
    <message>
        <source>&amp;Issue…</source>
        <translation>出具(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Reprint (copy)…</source>
        <translation>补打副本(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Open order</source>
        <translation>打开工单(&amp;O)</translation>
    </message>
</context>
<context>
    <name>CommunityPane</name>
    <message>
        <source>e.g. QD001</source>
        <translation>例如 QD001</translation>
    </message>
    <message>
        <source>Part of every household code; fixed once created</source>
        <translation>是每个房屋编码的一部分，创建后不能修改</translation>
    </message>
    <message>
        <source>The project code the housing regulator assigned</source>
        <translation>住房主管部门分配的项目编码</translation>
    </message>
    <message>
        <source>Co&amp;de</source>
        <translation>编码(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>小区名称(&amp;N)</translation>
    </message>
    <message>
        <source>Re&amp;gulator project code</source>
        <translation>监管平台项目编码(&amp;G)</translation>
    </message>
    <message>
        <source>Addr&amp;ess</source>
        <translation>地址(&amp;E)</translation>
    </message>
    <message>
        <source>Dis&amp;trict</source>
        <translation>所在区(&amp;T)</translation>
    </message>
    <message>
        <source>The 3 reporting channels</source>
        <translation>3个报修渠道</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时间</translation>
    </message>
    <message>
        <source>{code} · {buildings} buildings, {households} households</source>
        <translation>{code} · {buildings} 栋楼，{households} 户</translation>
    </message>
    <message>
        <source>New community</source>
        <translation>新建小区</translation>
    </message>
    <message>
        <source>Reading the community…</source>
        <translation>正在读取小区…</translation>
    </message>
</context>
<context>
    <name>CompanyPage</name>
    <message>
        <source>Company &amp;name</source>
        <translation>公司名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Credit code</source>
        <translation>统一社会信用代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Reporting address</source>
        <translation>报修网址(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Entrance reporting address</source>
        <translation>单元报修网址(&amp;E)</translation>
    </message>
    <message>
        <source>Complaint &amp;line</source>
        <translation>投诉热线名称(&amp;L)</translation>
    </message>
    <message>
        <source>Complaint line&apos;s num&amp;ber</source>
        <translation>投诉热线号码(&amp;B)</translation>
    </message>
    <message>
        <source>Print the caller&apos;s full phone on slips for the company&apos;s own sta&amp;ff</source>
        <translation>派给本公司维修人员的派工单打印报修人完整电话(&amp;F)</translation>
    </message>
    <message>
        <source>Print the caller&apos;s full phone on slips for outside con&amp;tractors and units</source>
        <translation>派给外部维修单位的派工单打印报修人完整电话(&amp;T)</translation>
    </message>
    <message>
        <source>Owners can report by scannin&amp;g the signs</source>
        <translation>业主可扫码报修(&amp;G)</translation>
    </message>
    <message>
        <source>Page&apos;s publ&amp;ic address</source>
        <translation>页面公网地址(&amp;I)</translation>
    </message>
    <message>
        <source>The reporting address is what the QR codes on home cards open; {household} is replaced by the household&apos;s code. The entrance reporting address is what lobby and elevator signs open; {entrance} is replaced by the entrance&apos;s key (QD001-3-2). Left empty, the codes carry the program&apos;s own text (WUYE:…), which owners&apos; phones cannot open. The phone above is printed on the signs as the company&apos;s service line, with the complaint line (12345, or the regulator&apos;s) for deadlines that are missed.</source>
        <translation>报修网址是户内服务卡二维码打开的网址，{household} 替换为房屋编码。单元报修网址是入户大堂和电梯公示二维码打开的网址，{entrance} 替换为单元编号（如 QD001-3-2）。留空时二维码只含本程序的文字编码（WUYE:…），业主手机扫码无法打开。上面的电话作为公司服务热线印在公示上，另附超时投诉热线（12345 或主管部门电话）。</translation>
    </message>
    <message>
        <source>Work-order slips</source>
        <translation>维修派工单</translation>
    </message>
    <message>
        <source>Otherwise the slip shows the number masked (138****5678). Orders sent through the property company&apos;s channel go to its own staff, the others to outside units. Every slip printed with a full number is recorded in the audit log.</source>
        <translation>不勾选时派工单上的电话隐去中间四位（138****5678）。经物业单位渠道派出的工单由本公司人员维修，其他渠道派往外部单位。每次打印带完整电话的派工单都记入审计日志。</translation>
    </message>
    <message>
        <source>Owners&apos; reporting page (扫码报修)</source>
        <translation>业主扫码报修页面</translation>
    </message>
    <message>
        <source>Served by wuye owner-portal behind the company&apos;s HTTPS proxy (README). Signs printed once the public address is set open the page instead of the reporting addresses above. Switched off, the page tells owners to call the service line and files nothing.</source>
        <translation>由 wuye owner-portal 在公司的 HTTPS 反向代理之后提供（见 README）。设置公网地址后打印的标识，二维码打开此页面，而不是上面的报修地址。关闭后页面提示业主致电服务热线，不受理报修。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Reading the company…</source>
        <translation>正在读取公司信息…</translation>
    </message>
    <message>
        <source>Saving the company…</source>
        <translation>正在保存公司信息…</translation>
    </message>
</context>
<context>
    <name>DateListEdit</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Enter in the date adds it</source>
        <translation>在日期框中按回车即可添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Delete removes the selected date</source>
        <translation>按 Delete 删除选中的日期</translation>
    </message>
</context>
<context>
    <name>DeadlinePreview</name>
    <message>
        <source>Computing the deadlines…</source>
        <translation>正在计算时限…</translation>
    </message>
    <message>
        <source>Choose a tier to see its deadlines.</source>
        <translation>选择维修类型后显示相应时限。</translation>
    </message>
    <message>
        <source>Commitment letter by {response} · promised date at the latest {completion}</source>
        <translation>{response} 前出具承诺书 · 承诺日期最晚为 {completion}</translation>
    </message>
    <message>
        <source>First response by {response} · completed by {completion}</source>
        <translation>{response} 前响应 · {completion} 前完工</translation>
    </message>
</context>
<context>
    <name>DeadlineSettingsDialog</name>
    <message>
        <source>Deadlines</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <source>Deadlines per tier</source>
        <translation>各维修类型的时限</translation>
    </message>
    <message>
        <source>Per-category overrides</source>
        <translation>按问题分类的例外</translation>
    </message>
    <message>
        <source>Working time</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>Promises and callbacks</source>
        <translation>承诺与回访</translation>
    </message>
    <message>
        <source>Tier and category</source>
        <translation>维修类型和问题分类</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>维修类型</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应时限</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>完工时限</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>计时方式</translation>
    </message>
    <message>
        <source>&amp;Add override</source>
        <translation>添加例外(&amp;A)</translation>
    </message>
    <message>
        <source>Rules on working time count only these hours on working days: Monday to Friday except public holidays, plus make-up working days on weekends.</source>
        <translation>按工作时间计时的规则只计算工作日的这些时段：周一至周五（法定节假日除外），以及周末的调休上班日。</translation>
    </message>
    <message>
        <source>Working &amp;hours</source>
        <translation>工作时间(&amp;H)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Pu&amp;blic holidays</source>
        <translation>法定节假日(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Make-up working days</source>
        <translation>调休上班日(&amp;M)</translation>
    </message>
    <message>
        <source>The year to fill in</source>
        <translation>要导入的年份</translation>
    </message>
    <message>
        <source>Longest &amp;promise</source>
        <translation>最长承诺期(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Callback due within</source>
        <translation>回访期限(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Due soon from</source>
        <translation>即将到期提醒(&amp;D)</translation>
    </message>
    <message>
        <source> days after the order</source>
        <translation> 天（自下单起）</translation>
    </message>
    <message>
        <source> days of completion</source>
        <translation> 天内（自完工起）</translation>
    </message>
    <message>
        <source> minutes before the deadline</source>
        <translation> 分钟（到期前）</translation>
    </message>
    <message>
        <source>Only administrators change the deadlines.</source>
        <translation>只有管理员可以修改处理时限。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The public holidays of {year} are not entered: deadlines in working time would count them as working days. Import them below or enter them by hand.</source>
        <translation>尚未录入 {year} 年的法定节假日：按工作时间计算的时限会把这些日子当作工作日。请在下方导入，或手工录入。</translation>
    </message>
    <message>
        <source>&amp;Import {year} from the State Council notice</source>
        <translation>从国务院公告导入 {year} 年(&amp;I)</translation>
    </message>
    <message>
        <source>{year}: {holidays} holidays and {workdays} make-up working days filled in; check them and save.</source>
        <translation>{year} 年：已填入 {holidays} 天节假日和 {workdays} 天调休上班日，请核对后保存。</translation>
    </message>
    <message>
        <source>The working day must end after it starts</source>
        <translation>下班时间必须晚于上班时间</translation>
    </message>
    <message>
        <source>This tier and category is listed twice</source>
        <translation>该维修类型和问题分类重复了</translation>
    </message>
</context>
<context>
    <name>DirectoryTab</name>
    <message>
        <source>New h&amp;ousehold</source>
        <translation>新建房屋(&amp;O)</translation>
    </message>
    <message>
        <source>New &amp;building</source>
        <translation>新建楼栋(&amp;B)</translation>
    </message>
    <message>
        <source>New &amp;community</source>
        <translation>新建小区(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Import roster…</source>
        <translation>导入花名册(&amp;I)…</translation>
    </message>
    <message>
        <source>Add or update households from an Excel/CSV roster</source>
        <translation>从 Excel/CSV 花名册新增或更新房屋</translation>
    </message>
    <message>
        <source>Type a room (3-2-1201), a household code, an owner&apos;s name, a phone number or its last digits, or scan a household QR code. Ctrl+F jumps to the search box from anywhere; ↓ moves into the results.</source>
        <translation>输入房号（3-2-1201）、房屋编码、业主姓名、电话号码或尾号，或扫描房屋二维码。在任何位置按 Ctrl+F 跳到搜索框；按 ↓ 进入结果列表。</translation>
    </message>
    <message>
        <source>Reading the household…</source>
        <translation>正在读取房屋…</translation>
    </message>
    <message>
        <source>Reading the community…</source>
        <translation>正在读取小区…</translation>
    </message>
    <message>
        <source>Reading the building…</source>
        <translation>正在读取楼栋…</translation>
    </message>
    <message numerus="yes">
        <source>{building}, unit {unit}: %n households.</source>
        <translation>
            <numerusform>{building} {unit}单元：%n 户。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a community</source>
        <translation>请选择小区</translation>
    </message>
    <message>
        <source>Select a community in the tree (or in the filter next to the search box).</source>
        <translation>请在左侧树中（或搜索框旁的筛选中）选择小区。</translation>
    </message>
</context>
<context>
    <name>DirectoryTreeModel</name>
    <message>
        <source>{name} ({code})</source>
        <translation>{name}（{code}）</translation>
    </message>
    <message>
        <source>{buildings} buildings, {households} households</source>
        <translation>{buildings} 栋楼，{households} 户</translation>
    </message>
    <message>
        <source>{floors} floors, {elevators} elevators</source>
        <translation>{floors} 层，{elevators} 部电梯</translation>
    </message>
    <message>
        <source>Unit {number} · {count}</source>
        <translation>{number}单元 · {count}</translation>
    </message>
    <message numerus="yes">
        <source>%n households</source>
        <translation>
            <numerusform>%n 户</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the directory…</source>
        <translation>正在读取房屋目录…</translation>
    </message>
</context>
<context>
    <name>DisclosureDialog</name>
    <message>
        <source>Disclosure</source>
        <translation>收支公示</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Posting date</source>
        <translation>公示日期</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Disclosure {code} {period}</source>
        <translation>收支公示 {code} {period}</translation>
    </message>
    <message>
        <source>Public-income disclosure</source>
        <translation>公共收益收支情况公示</translation>
    </message>
    <message>
        <source>Publish the disclosure of {period} to the regulator?</source>
        <translation>发布 {period} 的收支公示并报送监管平台吗？</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>正在发布…</translation>
    </message>
    <message>
        <source>Published: closing balance {closing} yuan; it will be sent to the regulator.</source>
        <translation>已发布：期末余额 {closing} 元，将报送监管平台。</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <source>&amp;Channel</source>
        <translation>渠道(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Handler</source>
        <translation>处理人(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Type part of a name, or ↓ for the staff directory</source>
        <translation>输入姓名的一部分，或按 ↓ 查看人员名录</translation>
    </message>
    <message>
        <source>Transfer order</source>
        <translation>转派工单</translation>
    </message>
    <message>
        <source>Dispatch order</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转派</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>派单</translation>
    </message>
</context>
<context>
    <name>DrillBanner</name>
    <message>
        <source>From the overview: {title}. The filters above are set aside until one is changed.</source>
        <translation>来自概览：{title}。上方筛选条件暂不适用，改动任一条件即恢复。</translation>
    </message>
    <message>
        <source>Back to the filters</source>
        <translation>返回筛选条件</translation>
    </message>
    <message>
        <source>List the orders the filters above choose</source>
        <translation>列出上方筛选条件选中的工单</translation>
    </message>
</context>
<context>
    <name>DuplicateWarning</name>
    <message>
        <source>Open it</source>
        <translation>打开它</translation>
    </message>
    <message>
        <source>File anyway</source>
        <translation>仍然新建</translation>
    </message>
    <message>
        <source>Looking for open orders of this category…</source>
        <translation>正在查找该类别的未完成工单…</translation>
    </message>
    <message>
        <source>This household already has an open {category} order: {numbers}.</source>
        <translation>该房屋已有未办结的“{category}”工单：{numbers}。</translation>
    </message>
    <message>
        <source>A new order will be filed anyway.</source>
        <translation>仍将新建一张工单。</translation>
    </message>
    <message>
        <source>Open {number}</source>
        <translation>打开 {number}</translation>
    </message>
    <message>
        <source>Opening the order…</source>
        <translation>正在打开工单…</translation>
    </message>
    <message>
        <source>Open order of this category</source>
        <translation>该分类下已有未办结工单</translation>
    </message>
    <message>
        <source>This household already has an open {category} order: {numbers}. File a new order anyway?</source>
        <translation>该房屋已有未办结的“{category}”工单：{numbers}。仍要新建工单吗？</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>DurationEdit</name>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
</context>
<context>
    <name>EditPane</name>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>Forget the changes not saved yet</source>
        <translation>放弃尚未保存的修改</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>New entry</source>
        <translation>新增记录</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>Di&amp;rection</source>
        <translation>收支(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Amount (yuan)</source>
        <translation>金额（元）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Voucher</source>
        <translation>凭证号(&amp;V)</translation>
    </message>
    <message>
        <source>C&amp;ounterparty</source>
        <translation>对方单位(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>FailedModel</name>
    <message>
        <source>Replaced by a newer version (event {id})</source>
        <translation>已被新版本取代（事件 {id}）</translation>
    </message>
    <message>
        <source>Dismissed by {who} on {when}: {reason}</source>
        <translation>已由 {who} 于 {when} 忽略：{reason}</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>入队时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Order / subject</source>
        <translation>工单/对象</translation>
    </message>
    <message>
        <source>Platform&apos;s code</source>
        <translation>平台错误码</translation>
    </message>
    <message>
        <source>Platform&apos;s message</source>
        <translation>平台说明</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
</context>
<context>
    <name>FigureCard</name>
    <message numerus="yes">
        <source>over %n orders</source>
        <translation>
            <numerusform>共 %n 单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Status: all</source>
        <translation>状态：全部</translation>
    </message>
    <message>
        <source>Status: open</source>
        <translation>状态：未办结</translation>
    </message>
    <message>
        <source>Status: {names}</source>
        <translation>状态：{names}</translation>
    </message>
    <message>
        <source>Status: {n} chosen</source>
        <translation>状态：已选 {n} 项</translation>
    </message>
    <message>
        <source>Searching: {what}</source>
        <translation>识别为：{what}</translation>
    </message>
    <message>
        <source>What the search box&apos;s text was read as</source>
        <translation>搜索框中的内容被理解为什么</translation>
    </message>
    <message>
        <source>Order number, room (3-2-1201) or words of the description</source>
        <translation>工单号、房号（3-2-1201）或问题描述中的词</translation>
    </message>
    <message>
        <source>Search (Ctrl+F). Enter on a whole order number or a scanned order code opens it; ↓ moves into the list; Esc clears.</source>
        <translation>搜索（Ctrl+F）。输入完整工单号或扫描工单二维码后按回车直接打开；按 ↓ 进入列表；按 Esc 清空。</translation>
    </message>
    <message>
        <source>Show orders in these statuses</source>
        <translation>显示这些状态的工单</translation>
    </message>
    <message>
        <source>Open orders (accepted, dispatched, in progress, reopened)</source>
        <translation>未办结工单（已受理、已派单、处理中、重新处理）</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部小区</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>仅看超时(&amp;O)</translation>
    </message>
    <message>
        <source>Open orders past their first-response or completion deadline</source>
        <translation>已超过响应或完工时限的未办结工单</translation>
    </message>
    <message>
        <source>Due soon onl&amp;y</source>
        <translation>仅看即将到期(&amp;Y)</translation>
    </message>
    <message>
        <source>Open orders whose completion deadline is near</source>
        <translation>完工时限临近的未办结工单</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <source>Only orders reported between these days (inclusive)</source>
        <translation>只看这几天之间（含首尾）报修的工单</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Back to all open orders</source>
        <translation>回到全部未办结工单</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>First run</source>
        <translation>首次使用</translation>
    </message>
    <message>
        <source>This database is new. Enter your company and create the first administrator, who then adds the other users.</source>
        <translation>这是一个新的数据库。请填写公司信息并创建第一个管理员账号，其他用户由管理员添加。</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>第一个管理员</translation>
    </message>
    <message>
        <source>Company &amp;name</source>
        <translation>公司名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Credit code</source>
        <translation>统一社会信用代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Display name</source>
        <translation>显示名称(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>确认密码(&amp;A)</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91370200MA3C12345X</source>
        <translation>18位，例如 91370200MA3C12345X</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>例如 admin</translation>
    </message>
    <message>
        <source>Your name as colleagues see it</source>
        <translation>同事看到的您的姓名</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
<context>
    <name>HandlerPicker</name>
    <message>
        <source>Reading the staff directory…</source>
        <translation>正在读取人员名录…</translation>
    </message>
    <message>
        <source>typed before</source>
        <translation>曾手工填写</translation>
    </message>
    <message>
        <source>{n} open</source>
        <translation>在办 {n}</translation>
    </message>
    <message>
        <source>Not in the staff directory: kept as typed.</source>
        <translation>不在人员名录中：按输入的名字保存。</translation>
    </message>
</context>
<context>
    <name>HouseholdFinder</name>
    <message>
        <source>Household code</source>
        <translation>房屋编码</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>业主数</translation>
    </message>
    <message>
        <source>Room 3-2-1201 / household code / owner name / phone or last digits / scan</source>
        <translation>房号 3-2-1201 / 房屋编码 / 业主姓名 / 电话或尾号 / 扫码</translation>
    </message>
    <message>
        <source>Search (Ctrl+F); Enter opens a single match</source>
        <translation>搜索（Ctrl+F）；只有一个结果时按回车直接打开</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部小区</translation>
    </message>
    <message>
        <source>Searching households…</source>
        <translation>正在查找房屋…</translation>
    </message>
    <message>
        <source>Results appear here as you type.</source>
        <translation>输入时结果会显示在这里。</translation>
    </message>
    <message>
        <source>The first {n} households; type more to narrow the search.</source>
        <translation>仅显示前 {n} 户；请输入更多内容缩小范围。</translation>
    </message>
    <message>
        <source>No household matches.</source>
        <translation>没有符合条件的房屋。</translation>
    </message>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n 户</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching: {what}</source>
        <translation>识别为：{what}</translation>
    </message>
    <message>
        <source>What the search box&apos;s text was read as</source>
        <translation>搜索框中的内容被识别为什么</translation>
    </message>
    <message>
        <source>No household has the code {code}.</source>
        <translation>没有编码为 {code} 的房屋。</translation>
    </message>
    <message>
        <source>Reading communities…</source>
        <translation>正在读取小区…</translation>
    </message>
</context>
<context>
    <name>HouseholdLookup</name>
    <message>
        <source>Phone or its last 4 digits, room 3-2-1201, household code, or scan</source>
        <translation>电话或尾号4位、房号 3-2-1201、房屋编码，或扫码</translation>
    </message>
    <message>
        <source>Type and press Enter; ↑/↓ choose among several households</source>
        <translation>输入后按回车；有多户时用 ↑/↓ 选择</translation>
    </message>
    <message>
        <source>Finding the household…</source>
        <translation>正在查找房屋…</translation>
    </message>
    <message>
        <source>No household matches.</source>
        <translation>没有符合条件的房屋。</translation>
    </message>
    <message>
        <source>More than {n} households match: type more.</source>
        <translation>超过 {n} 户符合条件，请输入更多内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n households match: ↑/↓ choose, Enter picks.</source>
        <translation>
            <numerusform>有 %n 户符合条件：用 ↑/↓ 选择，按回车确定。</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching: {what}</source>
        <translation>识别为：{what}</translation>
    </message>
    <message>
        <source>What the text in the box was read as</source>
        <translation>输入框中的内容被识别为什么</translation>
    </message>
</context>
<context>
    <name>HouseholdPane</name>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>&amp;Building / unit / room</source>
        <translation>楼号 / 单元 / 房号(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Add owner</source>
        <translation>添加业主(&amp;A)</translation>
    </message>
    <message>
        <source>A&amp;rea (m²)</source>
        <translation>面积（m²）(&amp;R)</translation>
    </message>
    <message>
        <source>e.g. 89.50</source>
        <translation>例如 89.50</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Reading the number…</source>
        <translation>正在读取完整号码…</translation>
    </message>
    <message>
        <source>Reading the household…</source>
        <translation>正在读取房屋…</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>业主</translation>
    </message>
    <message>
        <source>&amp;Close-out list…</source>
        <translation>销项表(&amp;C)…</translation>
    </message>
    <message>
        <source>{community} · building {building}, unit {unit}, room {room}</source>
        <translation>{community} · {building}号楼 {unit}单元 {room}室</translation>
    </message>
    <message>
        <source>New household</source>
        <translation>新建房屋</translation>
    </message>
</context>
<context>
    <name>HouseholdPanel</name>
    <message>
        <source>Open and recent orders of this household</source>
        <translation>该房屋未办结和最近的工单</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Reading the household…</source>
        <translation>正在读取房屋…</translation>
    </message>
    <message>
        <source>A common-area order: no household, just the place.</source>
        <translation>公共区域工单：不关联房屋，只填写位置。</translation>
    </message>
    <message>
        <source>Find the household to see its open and recent orders.</source>
        <translation>找到房屋后，这里会显示它未办结和最近的工单。</translation>
    </message>
    <message>
        <source>Owners: {owners}</source>
        <translation>业主：{owners}</translation>
    </message>
    <message>
        <source>No orders so far.</source>
        <translation>暂无工单。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import household roster</source>
        <translation>导入房屋花名册</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>An Excel (.xlsx) or CSV roster</source>
        <translation>Excel（.xlsx）或 CSV 格式的花名册</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Community</source>
        <translation>小区(&amp;C)</translation>
    </message>
    <message>
        <source>Columns: {required} (required); {optional}. A roster with any bad row is refused whole, with every problem listed; households already present are updated.</source>
        <translation>列：{required}（必填）；{optional}。只要有一行有误，整个花名册都不导入，并列出全部问题；已有的房屋会被更新。</translation>
    </message>
    <message>
        <source>Nothing was imported. Fix these rows in the file and import it again:</source>
        <translation>未导入任何数据。请在文件中改正以下各行后重新导入：</translation>
    </message>
    <message>
        <source>Co&amp;py list</source>
        <translation>复制列表(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Choose a roster</source>
        <translation>请选择花名册</translation>
    </message>
    <message>
        <source>Rosters (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>花名册 (*.xlsx *.xls *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the roster file</source>
        <translation>选择花名册文件</translation>
    </message>
    <message>
        <source>Add the community first</source>
        <translation>请先添加小区</translation>
    </message>
    <message>
        <source>Importing households…</source>
        <translation>正在导入房屋…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n rows: {added} added, {updated} updated, {unchanged} unchanged.</source>
        <translation>
            <numerusform>已导入 %n 行：新增 {added}，更新 {updated}，未变 {unchanged}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The roster was refused: %n problem(s).</source>
        <translation>
            <numerusform>花名册未导入：共 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>已取消，未导入任何数据。</translation>
    </message>
</context>
<context>
    <name>ImportErrorsModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题分类</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>New work order</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>Common &amp;area instead of a household</source>
        <translation>公共区域（不关联房屋）(&amp;A)</translation>
    </message>
    <message>
        <source>Where, e.g. Building 3 lobby, north gate</source>
        <translation>具体位置，例如 3号楼大堂、北门</translation>
    </message>
    <message>
        <source>What the caller reports</source>
        <translation>报修人反映的问题</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile or landline</source>
        <translation>手机或固定电话</translation>
    </message>
    <message>
        <source>Save order</source>
        <translation>保存工单</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>No household matches.</source>
        <translation>没有符合条件的房屋。</translation>
    </message>
    <message>
        <source>Reading the communities…</source>
        <translation>正在读取小区…</translation>
    </message>
    <message>
        <source>Discard this order?</source>
        <translation>放弃这张工单吗？</translation>
    </message>
    <message>
        <source>What you typed for this order will be lost.</source>
        <translation>已为这张工单填写的内容将会丢失。</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>&amp;Household</source>
        <translation>房屋(&amp;H)</translation>
    </message>
    <message>
        <source>L&amp;ocation</source>
        <translation>位置(&amp;O)</translation>
    </message>
    <message>
        <source>Co&amp;mmunity</source>
        <translation>小区(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>问题分类(&amp;C)</translation>
    </message>
    <message>
        <source>Cha&amp;nnel</source>
        <translation>渠道(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>来源(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Tier</source>
        <translation>维修类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>问题描述(&amp;D)</translation>
    </message>
    <message>
        <source>Call&amp;er</source>
        <translation>报修人(&amp;E)</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves · Esc cancels</source>
        <translation>Ctrl+Enter 保存 · Esc 取消</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>销项日期</translation>
    </message>
    <message>
        <source>Checker</source>
        <translation>验收人</translation>
    </message>
</context>
<context>
    <name>LazyTable</name>
    <message>
        <source>Reading rows…</source>
        <translation>正在读取…</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <source>Reading the special accounts…</source>
        <translation>正在读取专户…</translation>
    </message>
    <message>
        <source>{bank}, account {number}, opened {day} with {opening} yuan</source>
        <translation>{bank}，账号 {number}，{day} 开户，期初余额 {opening} 元</translation>
    </message>
    <message>
        <source>Reading the categories…</source>
        <translation>正在读取类别…</translation>
    </message>
    <message>
        <source>There are no communities yet.</source>
        <translation>还没有小区。</translation>
    </message>
    <message>
        <source>This community has no special account yet. Open it to keep its public-income register.</source>
        <translation>该小区尚未开设公共收益专户。开设后即可登记公共收益台账。</translation>
    </message>
    <message>
        <source>This community has no special account yet. Finance staff can open it.</source>
        <translation>该小区尚未开设公共收益专户，请财务人员开设。</translation>
    </message>
    <message>
        <source>Checking the chain…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <source>Checking the ledger&apos;s chain…</source>
        <translation>正在校验台账…</translation>
    </message>
    <message>
        <source>Chain intact</source>
        <translation>台账校验通过</translation>
    </message>
    <message>
        <source>Chain broken</source>
        <translation>台账校验不通过</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Counting entries…</source>
        <translation>正在统计记录…</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Public-income ledger</source>
        <translation>公共收益台账</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the ledger…</source>
        <translation>正在导出台账…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>共 %n 笔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries exported to {path}</source>
        <translation>
            <numerusform>已将 %n 笔记录导出到 {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>收支</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Voucher, counterparty or note</source>
        <translation>凭证号、对方单位或备注</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新的在前</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>New entry…</source>
        <translation>新增记录…</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>冲销…</translation>
    </message>
    <message>
        <source>Close a month…</source>
        <translation>结账…</translation>
    </message>
    <message>
        <source>Closed months…</source>
        <translation>结账情况…</translation>
    </message>
    <message>
        <source>Import statement…</source>
        <translation>导入银行流水…</translation>
    </message>
    <message>
        <source>Totals…</source>
        <translation>收支汇总…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Disclosure…</source>
        <translation>收支公示…</translation>
    </message>
    <message>
        <source>Categories…</source>
        <translation>收支类别…</translation>
    </message>
    <message>
        <source>Open account…</source>
        <translation>开设专户…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>正在验证密码…</translation>
    </message>
    <message numerus="yes">
        <source>Upgrading the database: {done} of %n changes counted for the overview…</source>
        <translation>
            <numerusform>正在升级数据库：概览已计入 {done} / %n 项改动…</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the company…</source>
        <translation>正在读取公司信息…</translation>
    </message>
    <message>
        <source>Please type your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reading the company…</source>
        <translation>正在读取公司信息…</translation>
    </message>
    <message>
        <source>Checking the holiday calendar…</source>
        <translation>正在检查节假日安排…</translation>
    </message>
    <message>
        <source>The holidays of {year} are missing: fill them in under Deadlines</source>
        <translation>尚未录入 {year} 年节假日：请在“处理时限”中导入</translation>
    </message>
    <message>
        <source>Property Service Desk</source>
        <translation>物业服务台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>切换用户(&amp;S)…</translation>
    </message>
    <message>
        <source>Log out and let another user log in</source>
        <translation>注销，让其他用户登录</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Put the cursor in the search box of this tab</source>
        <translation>将光标移到本页的搜索框</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Language and your password</source>
        <translation>界面语言和您的密码</translation>
    </message>
    <message>
        <source>&amp;Administration…</source>
        <translation>系统管理(&amp;A)…</translation>
    </message>
    <message>
        <source>Company, users and the audit log</source>
        <translation>公司信息、用户和审计日志</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;New work order…</source>
        <translation>新建工单(&amp;N)…</translation>
    </message>
    <message>
        <source>Take a call: find the household, file the order</source>
        <translation>接听来电：查找房屋，登记工单</translation>
    </message>
    <message>
        <source>Staff director&amp;y…</source>
        <translation>人员名录(&amp;Y)…</translation>
    </message>
    <message>
        <source>Technicians, teams and contractors&apos; contacts that orders are dispatched to</source>
        <translation>派单用的本公司维修人员、班组和各小区外包单位联系人</translation>
    </message>
    <message>
        <source>&amp;Deadlines…</source>
        <translation>处理时限(&amp;D)…</translation>
    </message>
    <message>
        <source>Deadlines per tier and category, working time, callbacks</source>
        <translation>各维修类型和问题分类的时限、工作时间、回访</translation>
    </message>
    <message>
        <source>&amp;Regulator platform…</source>
        <translation>监管平台(&amp;R)…</translation>
    </message>
    <message>
        <source>The regulator&apos;s platform: address, secret, sync interval</source>
        <translation>监管平台：地址、密钥、同步间隔</translation>
    </message>
    <message>
        <source>User: {name}</source>
        <translation>用户：{name}</translation>
    </message>
    <message>
        <source>Role: {role}</source>
        <translation>角色：{role}</translation>
    </message>
    <message>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于物业服务台</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Property Service Desk {version}&lt;/h3&gt;&lt;p&gt;Repair guarantee under the “4个3” practice (3 locations, 3 channels, 3 tiers, 3 documents), public-income ledgers and reporting to the housing regulator, for property-management companies.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;物业服务台 {version}&lt;/h3&gt;&lt;p&gt;面向物业服务企业：落实“4个3”报修保障机制（3个公示位置、3个报修渠道、3类维修时限、3种反馈文书），管理公共收益台账，并向住房主管部门监管平台报送。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>OpenAccountDialog</name>
    <message>
        <source>Open the special account</source>
        <translation>开设公共收益专户</translation>
    </message>
    <message>
        <source>e.g. ICBC Qingdao Branch</source>
        <translation>例如：中国工商银行青岛分行</translation>
    </message>
    <message>
        <source>Community: {name}</source>
        <translation>小区：{name}</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Opening balance (yuan)</source>
        <translation>期初余额（元）</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>开户日期</translation>
    </message>
    <message>
        <source>The default income and expense categories are set up with it.</source>
        <translation>开户时同时设置默认的收入和支出类别。</translation>
    </message>
</context>
<context>
    <name>OrderActionDialog</name>
    <message>
        <source>Reading the order…</source>
        <translation>正在读取工单…</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <source>{status} (paused)</source>
        <translation>{status}（已暂停）</translation>
    </message>
    <message>
        <source>Showing the number…</source>
        <translation>正在显示号码…</translation>
    </message>
    <message>
        <source>Select an order in the list to see it here with its timeline. Ctrl+N takes a new call.</source>
        <translation>在列表中选中工单，即可在这里查看详情和处理记录。按 Ctrl+N 登记新来电。</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Room / place</source>
        <translation>房号 / 位置</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题分类</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>维修类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Regulator ticket</source>
        <translation>监管平台单号</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <source>Response due</source>
        <translation>响应期限</translation>
    </message>
    <message>
        <source>Completion due</source>
        <translation>完工期限</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完工时间</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Callback due</source>
        <translation>回访期限</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>受理人</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>报修人</translation>
    </message>
    <message>
        <source>Show number</source>
        <translation>显示号码</translation>
    </message>
    <message>
        <source>Show the caller&apos;s full number; the reveal is logged</source>
        <translation>显示报修人的完整号码；此操作会记入日志</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>维修方案</translation>
    </message>
    <message>
        <source>Promised date</source>
        <translation>承诺日期</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>出具时间</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>兑现时间</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>回访记录</translation>
    </message>
</context>
<context>
    <name>OrderFiling</name>
    <message>
        <source>Saving the order…</source>
        <translation>正在保存工单…</translation>
    </message>
    <message>
        <source>Cannot read {name}: {error}</source>
        <translation>无法读取 {name}：{error}</translation>
    </message>
    <message>
        <source>Add a community in the directory first.</source>
        <translation>请先在“基础信息”中添加小区。</translation>
    </message>
</context>
<context>
    <name>OrderMoves</name>
    <message>
        <source>&amp;Dispatch…</source>
        <translation>派单(&amp;D)…</translation>
    </message>
    <message>
        <source>Transf&amp;er…</source>
        <translation>转派(&amp;E)…</translation>
    </message>
    <message>
        <source>Send to a channel and a handler; on a dispatched order, transfer it</source>
        <translation>派给渠道和处理人；已派单的工单则转派</translation>
    </message>
    <message>
        <source>&amp;Start work…</source>
        <translation>开始处理(&amp;S)…</translation>
    </message>
    <message>
        <source>Work begins; a promised repair needs its commitment</source>
        <translation>开始维修；承诺修须先出具承诺书</translation>
    </message>
    <message>
        <source>&amp;Complete…</source>
        <translation>完工(&amp;C)…</translation>
    </message>
    <message>
        <source>The work is done; the order waits for its callback</source>
        <translation>维修已完成，工单等待回访</translation>
    </message>
    <message>
        <source>Call&amp;back…</source>
        <translation>回访(&amp;B)…</translation>
    </message>
    <message>
        <source>Record the owner&apos;s verdict; dissatisfied reopens the order</source>
        <translation>登记业主评价；不满意时工单重新处理</translation>
    </message>
    <message>
        <source>C&amp;lose…</source>
        <translation>关闭(&amp;L)…</translation>
    </message>
    <message>
        <source>Pa&amp;use…</source>
        <translation>暂停(&amp;U)…</translation>
    </message>
    <message>
        <source>Close a completed order without a callback</source>
        <translation>不回访直接关闭已完工的工单</translation>
    </message>
    <message>
        <source>C&amp;ancel order…</source>
        <translation>取消工单(&amp;A)…</translation>
    </message>
    <message>
        <source>Cancel the order, with a reason</source>
        <translation>取消工单，并说明原因</translation>
    </message>
    <message>
        <source>Stop the deadline clock, with a reason</source>
        <translation>暂停计时，并说明原因</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>恢复计时(&amp;R)</translation>
    </message>
    <message>
        <source>Restart the deadline clock</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <source>&amp;Issue commitment…</source>
        <translation>出具承诺书(&amp;I)…</translation>
    </message>
    <message>
        <source>Record the written promise of a promised repair</source>
        <translation>登记承诺修的书面承诺</translation>
    </message>
    <message>
        <source>&amp;Note…</source>
        <translation>备注(&amp;N)…</translation>
    </message>
    <message>
        <source>Add a note to the timeline</source>
        <translation>在处理记录中添加备注</translation>
    </message>
    <message>
        <source>Attach a JPEG or PNG picture</source>
        <translation>附上一张 JPEG 或 PNG 图片</translation>
    </message>
    <message>
        <source>&amp;Photo…</source>
        <translation>照片(&amp;P)…</translation>
    </message>
    <message>
        <source>Reply to re&amp;gulator…</source>
        <translation>回复监管平台(&amp;G)…</translation>
    </message>
    <message>
        <source>Answer the regulator&apos;s ticket this order was made from</source>
        <translation>回复生成此工单的监管平台派单</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the list again (F5)</source>
        <translation>重新读取列表（F5）</translation>
    </message>
    <message>
        <source>&amp;Weekly list…</source>
        <translation>每周督办单(&amp;W)…</translation>
    </message>
    <message>
        <source>Unfinished orders as of Friday 16:00 of a week, per community</source>
        <translation>按小区列出截至某周周五 16:00 未办结的工单</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Search box</source>
        <translation>搜索框</translation>
    </message>
    <message>
        <source>From the search box into the list</source>
        <translation>从搜索框进入列表</translation>
    </message>
</context>
<context>
    <name>OrderPhotos</name>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>No photos.</source>
        <translation>没有照片。</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
</context>
<context>
    <name>OrderPrintActions</name>
    <message>
        <source>Work-order slip {number}</source>
        <translation>派工单 {number}</translation>
    </message>
    <message>
        <source>Commitment letter {number}</source>
        <translation>承诺书 {number}</translation>
    </message>
    <message>
        <source>Callback form {number}</source>
        <translation>回访单 {number}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Work-order &amp;slip…</source>
        <translation>派工单(&amp;S)…</translation>
    </message>
    <message>
        <source>The technician&apos;s slip with the order&apos;s QR code</source>
        <translation>交给维修人员的派工单，带工单二维码</translation>
    </message>
    <message>
        <source>Commitment &amp;letter…</source>
        <translation>承诺书(&amp;L)…</translation>
    </message>
    <message>
        <source>The 承诺书 of a promised repair; prints after the first are copies</source>
        <translation>承诺修工单的承诺书；首次之后打印的均为副本</translation>
    </message>
    <message>
        <source>Call&amp;back form…</source>
        <translation>回访单(&amp;B)…</translation>
    </message>
    <message>
        <source>The 回访单 of a completed order</source>
        <translation>已完工工单的回访单</translation>
    </message>
    <message>
        <source>Close-&amp;out list…</source>
        <translation>销项表(&amp;O)…</translation>
    </message>
    <message>
        <source>The household&apos;s 销项表: defect items to close</source>
        <translation>该房屋的销项表：需整改销项的问题</translation>
    </message>
</context>
<context>
    <name>OrderRegulatorBox</name>
    <message>
        <source>reply overdue</source>
        <translation>回复已超期</translation>
    </message>
    <message>
        <source>Ticket &lt;b&gt;{ticket}&lt;/b&gt; · {level} · reply due {due}</source>
        <translation>派单 &lt;b&gt;{ticket}&lt;/b&gt; · {level} · 回复期限 {due}</translation>
    </message>
    <message>
        <source>No reply yet.</source>
        <translation>尚未回复。</translation>
    </message>
    <message>
        <source>reason: {reason}</source>
        <translation>理由：{reason}</translation>
    </message>
    <message>
        <source>Supervision notice {id} · issued {issued} · deadline {deadline}</source>
        <translation>督办单 {id} · 下发 {issued} · 办结期限 {deadline}</translation>
    </message>
    <message>
        <source>Regulator</source>
        <translation>监管平台</translation>
    </message>
    <message>
        <source>Reply to re&amp;gulator…</source>
        <translation>回复监管平台(&amp;G)…</translation>
    </message>
    <message>
        <source>Tell the regulator&apos;s platform how the ticket stands</source>
        <translation>向监管平台回复该派单的办理情况</translation>
    </message>
</context>
<context>
    <name>OrderTable</name>
    <message>
        <source>Showing {loaded} — counting…</source>
        <translation>显示 {loaded} — 正在统计…</translation>
    </message>
    <message>
        <source>No order matches the filters.</source>
        <translation>没有符合筛选条件的工单。</translation>
    </message>
    <message>
        <source>Showing {loaded} of {total}</source>
        <translation>显示 {loaded} / 共 {total}</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
</context>
<context>
    <name>OrderTimeline</name>
    <message>
        <source>Timeline</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Reading communities…</source>
        <translation>正在读取小区…</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>暂不可用</translation>
    </message>
    <message>
        <source>Computing the overview…</source>
        <translation>正在计算概览…</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部小区</translation>
    </message>
    <message>
        <source>{scope}: {period}, against {previous}</source>
        <translation>{scope}：{period}，对比{previous}</translation>
    </message>
    <message>
        <source>against {previous}</source>
        <translation>对比{previous}</translation>
    </message>
    <message>
        <source>{scope}: what needs doing now</source>
        <translation>{scope}：当前待办</translation>
    </message>
    <message>
        <source>As of {time}</source>
        <translation>统计于 {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n changes not counted yet; refresh later</source>
        <translation>
            <numerusform>%n 项改动尚未计入，请稍后刷新</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone else&apos;s work was holding the database (an import, a restore), or many changes are still to be counted after an upgrade. The figures shown leave these changes out until a later refresh counts them.</source>
        <translation>数据库正被其他工作占用（导入、恢复备份），或升级后还有大量改动有待计入。在之后的刷新计入之前，所示数字不含这些改动。</translation>
    </message>
    <message>
        <source>Print the overview</source>
        <translation>打印概览</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The printer could not be used.</source>
        <translation>无法使用该打印机。</translation>
    </message>
    <message>
        <source>Save the overview</source>
        <translation>保存概览</translation>
    </message>
    <message>
        <source>Picture (*.png);;PDF (*.pdf)</source>
        <translation>图片 (*.png);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>{path} could not be written.</source>
        <translation>无法写入 {path}。</translation>
    </message>
    <message>
        <source>&amp;Community:</source>
        <translation>小区(&amp;C)：</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <source>Save as &amp;image…</source>
        <translation>导出图片(&amp;I)…</translation>
    </message>
    <message>
        <source>Print the figures and charts as shown</source>
        <translation>按屏幕所示打印指标和图表</translation>
    </message>
    <message>
        <source>Save the figures and charts as a PNG picture or a PDF</source>
        <translation>将指标和图表保存为 PNG 图片或 PDF</translation>
    </message>
    <message>
        <source>&amp;Breakdown:</source>
        <translation>分类统计(&amp;B)：</translation>
    </message>
</context>
<context>
    <name>OwnerRow</name>
    <message>
        <source>Owner name</source>
        <translation>业主姓名</translation>
    </message>
    <message>
        <source>Mobile or landline</source>
        <translation>手机或固定电话</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Show full number</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>Shows the whole number; this is recorded in the audit log</source>
        <translation>显示完整号码；此操作会记入审计日志</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove this owner</source>
        <translation>移除该业主</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Saving the document…</source>
        <translation>正在保存文档…</translation>
    </message>
    <message>
        <source>No font of the documents has these characters; they print as {mark}:</source>
        <translation>以下字符文档字体中没有，打印为 {mark}：</translation>
    </message>
    <message>
        <source>{codes} in {field}: “{text}”</source>
        <translation>{codes}，位于 {field}：“{text}”</translation>
    </message>
    <message>
        <source>of {n}</source>
        <translation>/ 共 {n} 页</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Preparing {title}…</source>
        <translation>正在准备 {title}…</translation>
    </message>
</context>
<context>
    <name>PictureList</name>
    <message>
        <source>Add p&amp;ictures…</source>
        <translation>添加图片(&amp;I)…</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>移除(&amp;V)</translation>
    </message>
    <message>
        <source>Add pictures</source>
        <translation>添加图片</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>图片 ({patterns})</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>页面组(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>收支</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Balance (yuan)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>对方单位</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Reverses #{seq}</source>
        <translation>冲销第 {seq} 笔</translation>
    </message>
    <message>
        <source>Reversed by #{seq}</source>
        <translation>已被第 {seq} 笔冲销</translation>
    </message>
    <message>
        <source>Reversed by entry #{seq}; Enter or a double click goes to it</source>
        <translation>已被第 {seq} 笔冲销；按回车或双击转到该笔</translation>
    </message>
    <message>
        <source>Reverses entry #{seq}; Enter or a double click goes to it</source>
        <translation>冲销第 {seq} 笔；按回车或双击转到该笔</translation>
    </message>
    <message>
        <source>Reading the register…</source>
        <translation>正在读取台账…</translation>
    </message>
</context>
<context>
    <name>Regulator</name>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Partly synced, retrying</source>
        <translation>部分已同步，稍后重试</translation>
    </message>
    <message>
        <source>Platform asks to wait</source>
        <translation>平台要求稍候</translation>
    </message>
    <message>
        <source>Platform unreachable, retrying</source>
        <translation>平台无法连接，稍后重试</translation>
    </message>
    <message>
        <source>Refused: check the credentials</source>
        <translation>被拒绝：请检查接入凭据</translation>
    </message>
    <message>
        <source>Clocks differ: sync stopped</source>
        <translation>时钟不一致，已停止同步</translation>
    </message>
    <message>
        <source>Unreadable answers</source>
        <translation>平台应答无法识别</translation>
    </message>
    <message>
        <source>Not set up</source>
        <translation>未配置</translation>
    </message>
    <message>
        <source>Another desk is syncing</source>
        <translation>其他客服台正在同步</translation>
    </message>
    <message>
        <source>Sync interrupted</source>
        <translation>同步已中断</translation>
    </message>
    <message>
        <source>Sync switched off</source>
        <translation>已关闭自动同步</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>partly synced</source>
        <translation>部分同步</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>clock wrong</source>
        <translation>时钟不准</translation>
    </message>
    <message>
        <source>unreadable answers</source>
        <translation>应答无法识别</translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>未配置</translation>
    </message>
    <message>
        <source>another desk syncs</source>
        <translation>其他客服台同步中</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>off</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation>督办件</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Not ours to handle</source>
        <translation>非本单位职责</translation>
    </message>
    <message>
        <source>Order report</source>
        <translation>工单上报</translation>
    </message>
    <message>
        <source>Status change</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Dispatch receipt</source>
        <translation>派单签收</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Supervision receipt</source>
        <translation>督办签收</translation>
    </message>
    <message>
        <source>Income disclosure</source>
        <translation>公共收益公示</translation>
    </message>
</context>
<context>
    <name>RegulatorIndicator</name>
    <message>
        <source>Reading the regulator state…</source>
        <translation>正在读取监管平台状态…</translation>
    </message>
    <message>
        <source>Regulator: {state}</source>
        <translation>监管平台：{state}</translation>
    </message>
    <message>
        <source>to send {n}</source>
        <translation>待发 {n}</translation>
    </message>
    <message>
        <source>refused {n}</source>
        <translation>失败 {n}</translation>
    </message>
    <message>
        <source>Syncing with the regulator platform…</source>
        <translation>正在与监管平台同步…</translation>
    </message>
</context>
<context>
    <name>RegulatorSettingsDialog</name>
    <message>
        <source>Regulator platform</source>
        <translation>监管平台</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;Sync with the platform in the background</source>
        <translation>在后台自动与平台同步(&amp;S)</translation>
    </message>
    <message>
        <source>Platform &amp;URL</source>
        <translation>平台地址(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;CA bundle</source>
        <translation>CA 证书(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Interval</source>
        <translation>同步间隔(&amp;I)</translation>
    </message>
    <message>
        <source>S&amp;ecret</source>
        <translation>密钥(&amp;E)</translation>
    </message>
    <message>
        <source>Company code sent to the platform: {code}</source>
        <translation>向平台报送的统一社会信用代码：{code}</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Reading the settings…</source>
        <translation>正在读取设置…</translation>
    </message>
    <message>
        <source>Looking for the stored secret…</source>
        <translation>正在查找已保存的密钥…</translation>
    </message>
    <message>
        <source>Stored: leave empty to keep it</source>
        <translation>已保存：留空则保持不变</translation>
    </message>
    <message>
        <source>None stored yet for this platform: enter the secret it gave you</source>
        <translation>本机尚未保存该平台的密钥：请输入平台分配的密钥</translation>
    </message>
    <message>
        <source>Kept in the system keyring.</source>
        <translation>密钥保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>No system keyring: kept in {file}, readable only by you (your account on this computer).</source>
        <translation>没有系统密钥环：密钥保存在文件 {file} 中，仅您（本机当前账户）可读。</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Asking the platform…</source>
        <translation>正在连接平台…</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <source>Not reachable: {reason}</source>
        <translation>无法连接：{reason}</translation>
    </message>
    <message>
        <source>Reachable. Clock difference: {seconds} s.</source>
        <translation>连接正常。时钟相差：{seconds} 秒。</translation>
    </message>
    <message>
        <source>Set this computer&apos;s clock right: the platform refuses requests more than 300 s off.</source>
        <translation>请校准本机时钟：与平台相差超过 300 秒的请求会被拒绝。</translation>
    </message>
    <message>
        <source>Credentials not checked: no secret entered or stored.</source>
        <translation>未检查接入凭据：尚未输入或保存密钥。</translation>
    </message>
    <message>
        <source>Credentials accepted.</source>
        <translation>接入凭据有效。</translation>
    </message>
    <message>
        <source>Credentials refused: {reason}</source>
        <translation>接入凭据被拒绝：{reason}</translation>
    </message>
    <message>
        <source>Saving the settings…</source>
        <translation>正在保存设置…</translation>
    </message>
    <message>
        <source>The secret could not be stored: {reason}</source>
        <translation>无法保存密钥：{reason}</translation>
    </message>
</context>
<context>
    <name>RegulatorSync</name>
    <message>
        <source>Reading the regulator settings…</source>
        <translation>正在读取监管平台设置…</translation>
    </message>
    <message>
        <source>Syncing with the regulator platform…</source>
        <translation>正在与监管平台同步…</translation>
    </message>
</context>
<context>
    <name>RegulatorTab</name>
    <message>
        <source>Reading the regulator state…</source>
        <translation>正在读取监管平台状态…</translation>
    </message>
    <message>
        <source>No regulator platform is set up yet. Set it up to report orders.</source>
        <translation>尚未配置监管平台。配置后即可向平台报送工单。</translation>
    </message>
    <message>
        <source>No regulator platform is set up yet: ask an administrator.</source>
        <translation>尚未配置监管平台：请联系系统管理员。</translation>
    </message>
    <message>
        <source>Background sync is switched off in the settings.</source>
        <translation>设置中已关闭后台自动同步。</translation>
    </message>
    <message>
        <source>Set up…</source>
        <translation>配置…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>{seconds} s (platform minus this computer)</source>
        <translation>{seconds} 秒（平台时间减本机时间）</translation>
    </message>
    <message>
        <source>no ticket due yet · target {target}</source>
        <translation>暂无到期派单 · 目标 {target}</translation>
    </message>
    <message>
        <source>{rate} ({in_time}/{counted}) · target {target}</source>
        <translation>{rate}（{in_time}/{counted}）· 目标 {target}</translation>
    </message>
    <message>
        <source>Failed ({n})</source>
        <translation>发送失败（{n}）</translation>
    </message>
    <message>
        <source>Dispatches ({n})</source>
        <translation>派单（{n}）</translation>
    </message>
    <message>
        <source>Supervision ({n})</source>
        <translation>督办（{n}）</translation>
    </message>
    <message>
        <source>The platform refused these events; the later events about the same order or subject wait. Correct the cause, then retry, or dismiss an event the platform need not have, saying why.</source>
        <translation>平台拒收了这些事件；同一工单或事项的后续事件在等待。请先纠正原因再重试，或者说明理由后忽略平台不需要的事件。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>Finding the order…</source>
        <translation>正在查找工单…</translation>
    </message>
    <message>
        <source>Putting the events back in the queue…</source>
        <translation>正在将事件放回队列…</translation>
    </message>
    <message>
        <source>Dismiss refused events</source>
        <translation>忽略被拒事件</translation>
    </message>
    <message>
        <source>Dismissing the events…</source>
        <translation>正在忽略事件…</translation>
    </message>
    <message>
        <source>Syncing with the platform…</source>
        <translation>正在与平台同步…</translation>
    </message>
    <message>
        <source>Last run: {state}</source>
        <translation>本次同步：{state}</translation>
    </message>
    <message>
        <source>{n} sent</source>
        <translation>已发送 {n} 条</translation>
    </message>
    <message>
        <source>{n} refused</source>
        <translation>被拒收 {n} 条</translation>
    </message>
    <message>
        <source>{n} to retry later</source>
        <translation>{n} 条稍后重试</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) not replied to before the deadline</source>
        <translation>
            <numerusform>%n 件派单未在期限内回复</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) back in the queue: they go with the next sync.</source>
        <translation>
            <numerusform>%n 条数据已重新排队，将在下次同步时发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) will never be sent to the platform, and what waits behind them goes on. Why need the platform not have them? (Kept in the audit log.)</source>
        <translation>
            <numerusform>这 %n 个事件将不再发送给平台，排在其后的事件会继续发送。平台为什么不需要它们？（理由记入审计日志。）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dismissed.</source>
        <translation>
            <numerusform>已忽略 %n 个事件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new ticket(s)</source>
        <translation>
            <numerusform>新派单 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new notice(s)</source>
        <translation>
            <numerusform>新督办 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable item(s) skipped</source>
        <translation>
            <numerusform>跳过无法识别的 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>another desk is syncing right now; it sends this desk&apos;s events too</source>
        <translation>其他客服台正在同步，本台的数据也会由它发送</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>上次成功</translation>
    </message>
    <message>
        <source>To send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Waiting behind a refused event</source>
        <translation>因前序失败等待</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <source>Reply rate</source>
        <translation>回复率</translation>
    </message>
    <message>
        <source>Clock difference</source>
        <translation>时钟差</translation>
    </message>
    <message>
        <source>Send what is queued and fetch new tickets now</source>
        <translation>立即发送待发数据并接收新派单</translation>
    </message>
    <message>
        <source>Platform address, secret, interval</source>
        <translation>平台地址、密钥、同步间隔</translation>
    </message>
    <message>
        <source>Retry &amp;selected</source>
        <translation>重试所选(&amp;S)</translation>
    </message>
    <message>
        <source>Retry &amp;all</source>
        <translation>全部重试(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Dismiss…</source>
        <translation>忽略(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Open order</source>
        <translation>打开工单(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reply…</source>
        <translation>回复(&amp;R)…</translation>
    </message>
    <message>
        <source>Nothing refused: every event reached the platform or is on its way.</source>
        <translation>没有发送失败的记录：所有数据均已送达平台或正在发送。</translation>
    </message>
    <message>
        <source>No ticket from the platform yet. Tickets (12345 calls, platform complaints) become work orders by themselves at the next sync.</source>
        <translation>暂无平台派单。派单（12345 热线、平台投诉）会在下次同步时自动生成工单。</translation>
    </message>
    <message>
        <source>No supervision notice.</source>
        <translation>暂无督办单。</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Reply to the regulator</source>
        <translation>回复监管平台</translation>
    </message>
    <message>
        <source>What was done, or what happens next</source>
        <translation>已采取的措施或下一步安排</translation>
    </message>
    <message>
        <source>Whose responsibility it is, and why</source>
        <translation>应由哪个单位负责，理由是什么</translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation>办理结果(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Content</source>
        <translation>回复内容(&amp;C)</translation>
    </message>
    <message>
        <source>Rea&amp;son</source>
        <translation>理由(&amp;S)</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>提交回复</translation>
    </message>
    <message>
        <source>This order did not come from the regulator.</source>
        <translation>该工单并非来自监管平台派单。</translation>
    </message>
    <message>
        <source>Ticket {ticket} · {level} · reply due {due}</source>
        <translation>派单 {ticket} · {level} · 回复期限 {due}</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超期</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>New password for {name} ({username}). Tell it to them in person.</source>
        <translation>为 {name}（{username}）设置新密码。请当面告知本人。</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <source>New password &amp;again</source>
        <translation>确认新密码(&amp;A)</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Reverse entry #{seq}</source>
        <translation>冲销第 {seq} 笔</translation>
    </message>
    <message>
        <source>Required: why the entry is corrected</source>
        <translation>必填：为什么更正这笔分录</translation>
    </message>
    <message>
        <source>Entry #{seq} of {day}: {amount} yuan</source>
        <translation>第 {seq} 笔（{day}）：{amount} 元</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RuleRow</name>
    <message>
        <source>Calendar time</source>
        <translation>自然时间</translation>
    </message>
    <message>
        <source>Working time</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>Calendar time counts every minute; working time only the working hours</source>
        <translation>自然时间计算每一分钟；工作时间只计算上班时段</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应时限</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>完工时限</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>SavedNotice</name>
    <message>
        <source>Open the file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Open its folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Close this notice</source>
        <translation>关闭此提示</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Language of the program</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>当前密码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <source>New password &amp;again</source>
        <translation>确认新密码(&amp;A)</translation>
    </message>
    <message>
        <source>Change pass&amp;word</source>
        <translation>修改密码(&amp;W)</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
<context>
    <name>SignageTab</name>
    <message>
        <source>Counting the pages…</source>
        <translation>正在计算页数…</translation>
    </message>
    <message numerus="yes">
        <source>Preview: %n page(s) ({parts}).</source>
        <translation>
            <numerusform>预览：%n 页（{parts}）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The community&apos;s pack: %n page(s).</source>
        <translation>
            <numerusform>全小区公示包：%n 页。</numerusform>
        </translation>
    </message>
    <message>
        <source>lobby</source>
        <translation>入户大堂</translation>
    </message>
    <message>
        <source>elevator</source>
        <translation>电梯轿厢</translation>
    </message>
    <message>
        <source>in-home</source>
        <translation>户内</translation>
    </message>
    <message>
        <source>Signage</source>
        <translation>公示牌</translation>
    </message>
    <message>
        <source>Choose at least one building and one place.</source>
        <translation>请至少选择一栋楼和一个公示位置。</translation>
    </message>
    <message>
        <source>Save the community&apos;s signage</source>
        <translation>保存小区公示牌</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Generating the community&apos;s signage…</source>
        <translation>正在生成小区公示牌…</translation>
    </message>
    <message>
        <source>Blank callback forms</source>
        <translation>空白回访单</translation>
    </message>
    <message>
        <source>“4个3” signage</source>
        <translation>“4个3”公示牌</translation>
    </message>
    <message>
        <source>&amp;Community</source>
        <translation>小区(&amp;C)</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>公示位置</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>纸张(&amp;P)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>&amp;Lobby (one per unit entrance)</source>
        <translation>入户大堂（每单元一张）(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Elevator car (one per elevator of each entrance)</source>
        <translation>电梯轿厢（每单元每部电梯一张）(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;In-home card (one per household)</source>
        <translation>户内服务卡（每户一张）(&amp;I)</translation>
    </message>
    <message>
        <source>How &amp;many</source>
        <translation>份数(&amp;M)</translation>
    </message>
    <message>
        <source>The notices show the community&apos;s 3 repair channels (unit, contact, phone, service hours), the 3 tiers with the deadlines of the company&apos;s rules and examples, the lines to complain to, and a QR code: the entrance&apos;s on lobby and elevator notices (large, read from 1-2 m), each household&apos;s own on its in-home card.

Preview shows the chosen buildings and places; the pack holds all of them.</source>
        <translation>公示内容：小区的三个报修渠道（单位、联系人、电话、服务时间），按公司规定的三级维修时限及问题举例，超时投诉电话，以及二维码：入户大堂和电梯公示为本单元的二维码（尺寸大，1–2 米外可扫），户内服务卡为本户的二维码。

预览包含所选楼栋和位置；公示包包含全部。</translation>
    </message>
    <message>
        <source>Reading the communities…</source>
        <translation>正在读取小区列表…</translation>
    </message>
    <message>
        <source>Reading the community…</source>
        <translation>正在读取小区…</translation>
    </message>
    <message numerus="yes">
        <source>{name} (%n elevators)</source>
        <translation>
            <numerusform>{name}（%n 部电梯）</numerusform>
        </translation>
    </message>
    <message>
        <source>P&amp;review…</source>
        <translation>预览(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Generate the community&apos;s pack…</source>
        <translation>生成全小区公示牌(&amp;G)…</translation>
    </message>
    <message>
        <source>Every building and place of the community in one PDF file</source>
        <translation>将小区全部楼栋、全部公示位置的公示牌生成到一个 PDF 文件</translation>
    </message>
    <message>
        <source>Fill in before printing</source>
        <translation>打印前请补全</translation>
    </message>
    <message>
        <source>A notice without its channels&apos; details must not go up. Fill these in on the community in the Directory tab:</source>
        <translation>报修渠道信息不全的公示牌不得张贴。请在“基础信息”页的小区资料中补全：</translation>
    </message>
    <message>
        <source>Blank callback forms (回访单), numbered</source>
        <translation>空白回访单（带编号）</translation>
    </message>
    <message>
        <source>Print &amp;blank forms…</source>
        <translation>打印空白回访单(&amp;B)…</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Add to the staff directory</source>
        <translation>添加到人员名录</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <source>Co&amp;mmunity</source>
        <translation>小区(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Skills</source>
        <translation>技能(&amp;S)</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部小区</translation>
    </message>
    <message>
        <source>&amp;Active: offered when dispatching</source>
        <translation>在用：派单时可选(&amp;A)</translation>
    </message>
    <message>
        <source>e.g. 张师傅, 绿化班, 青岛房修 李工</source>
        <translation>例如：张师傅、绿化班、青岛房修 李工</translation>
    </message>
</context>
<context>
    <name>StaffDirectoryDialog</name>
    <message>
        <source>Staff directory</source>
        <translation>人员名录</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>在办工单</translation>
    </message>
    <message>
        <source>{name} (inactive)</source>
        <translation>{name}（停用）</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部小区</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>&amp;New person or team…</source>
        <translation>新增人员或班组(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Deacti&amp;vate</source>
        <translation>停用(&amp;V)</translation>
    </message>
    <message>
        <source>Reading the staff directory…</source>
        <translation>正在读取人员名录…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>StartWorkDialog</name>
    <message>
        <source>Start work</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>A promised repair starts with its written commitment. It gets a commitment number; the letter is printed from it.</source>
        <translation>承诺修须先出具书面承诺书。承诺书有编号，据此打印。</translation>
    </message>
    <message>
        <source>The commitment has been issued meanwhile.</source>
        <translation>其间承诺书已被他人出具。</translation>
    </message>
</context>
<context>
    <name>StatementImportDialog</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount (signed)</source>
        <translation>金额（带正负号）</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>对方单位</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Import a bank statement</source>
        <translation>导入银行流水</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Columns (found by their headers; change if needed):</source>
        <translation>各列（已按表头自动识别，如有需要可更改）：</translation>
    </message>
    <message>
        <source>Bank statement</source>
        <translation>银行流水</translation>
    </message>
    <message>
        <source>Statements (*.csv *.xlsx *.xls)</source>
        <translation>银行流水 (*.csv *.xlsx *.xls)</translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>共 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing the statement…</source>
        <translation>正在导入银行流水…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n entries (income {income}, expense {expense} yuan); {d} duplicates skipped.</source>
        <translation>
            <numerusform>已导入 %n 笔（收入 {income} 元，支出 {expense} 元）；跳过重复记录 {d} 笔。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported. Correct these rows and try again:</source>
        <translation>未导入任何数据。请改正以下各行后重试：</translation>
    </message>
</context>
<context>
    <name>SupervisionModel</name>
    <message>
        <source>Past the deadline and the order is not closed</source>
        <translation>已过办结期限，工单尚未办结</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>督办单号</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>工单状态</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>下发时间</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>督办内容</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Something went wrong: {error}
The details are in the log file.</source>
        <translation>出错了：{error}
详细信息已写入日志文件。</translation>
    </message>
</context>
<context>
    <name>TicketModel</name>
    <message>
        <source>The reply is overdue: no reply was sent before the deadline</source>
        <translation>回复已超期：期限前未作任何回复</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>派单号</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>派单时间</translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation>回复期限</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>工单状态</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>回复次数</translation>
    </message>
    <message>
        <source>Last reply</source>
        <translation>最近回复</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>TierPie</name>
    <message numerus="yes">
        <source>{value}: %n orders (before: {previous})</source>
        <translation>
            <numerusform>{value}：%n 单（上期 {previous} 单）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TotalsDialog</name>
    <message>
        <source>Totals</source>
        <translation>收支汇总</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>各月情况</translation>
    </message>
    <message>
        <source>Reading the totals…</source>
        <translation>正在读取合计…</translation>
    </message>
    <message numerus="yes">
        <source>{period}: opening {opening}, income {income}, expense {expense}, closing {closing} yuan; %n entries</source>
        <translation>
            <numerusform>{period}：期初 {opening} 元，收入 {income} 元，支出 {expense} 元，期末 {closing} 元；共 %n 笔</numerusform>
        </translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>收支</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Reading the months…</source>
        <translation>正在读取各月…</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>期末余额</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结账</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message numerus="yes">
        <source>{first} to {last}: %n orders reported</source>
        <translation>
            <numerusform>{first} 至 {last}：报修 %n 单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Display name</source>
        <translation>显示名称(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号状态</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>确认密码(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;May log in</source>
        <translation>允许登录(&amp;M)</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>新建用户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <source>Un&amp;lock</source>
        <translation>解锁(&amp;L)</translation>
    </message>
    <message>
        <source>Reading the users…</source>
        <translation>正在读取用户…</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
</context>
<context>
    <name>WeeklyDialog</name>
    <message>
        <source>Weekly list of unfinished work</source>
        <translation>每周未办结工单督办单</translation>
    </message>
</context>
<context>
    <name>WeeklyView</name>
    <message>
        <source>Reading the list…</source>
        <translation>正在读取清单…</translation>
    </message>
    <message>
        <source>Reading the weekly list…</source>
        <translation>正在读取每周清单…</translation>
    </message>
    <message>
        <source>Weekly list {week}</source>
        <translation>每周督办单 {week}</translation>
    </message>
    <message numerus="yes">
        <source>Unfinished at Friday {cutoff}: %n order(s)</source>
        <translation>
            <numerusform>截至周五 {cutoff} 未办结：%n 张工单</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>周(&amp;W)</translation>
    </message>
    <message>
        <source>ISO week; the list is as of its Friday 16:00</source>
        <translation>按 ISO 周计，清单截至该周五 16:00</translation>
    </message>
    <message>
        <source>&amp;Community</source>
        <translation>小区(&amp;C)</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部小区</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>未办结</translation>
    </message>
</context>
<context>
    <name>WorkOrders</name>
    <message>
        <source>&amp;Plan</source>
        <translation>维修方案(&amp;P)</translation>
    </message>
    <message>
        <source>Promised &amp;date</source>
        <translation>承诺日期(&amp;D)</translation>
    </message>
    <message>
        <source>Responsible &amp;unit</source>
        <translation>责任单位(&amp;U)</translation>
    </message>
    <message>
        <source>Responsible p&amp;erson</source>
        <translation>责任人(&amp;E)</translation>
    </message>
    <message>
        <source>Responsible person&apos;s p&amp;hone</source>
        <translation>责任人电话(&amp;H)</translation>
    </message>
    <message>
        <source>What will be done, and how</source>
        <translation>准备怎样维修</translation>
    </message>
    <message>
        <source>Issuing a commitment letter needs a manager or an administrator; ask one to issue it first.</source>
        <translation>出具承诺书需要项目经理或管理员；请先请他们出具。</translation>
    </message>
    <message>
        <source>Complete order</source>
        <translation>完工</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完工</translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation>处理结果(&amp;R)</translation>
    </message>
    <message>
        <source>Required: what was found and done, e.g. replaced the pipe joint</source>
        <translation>必填：发现了什么、做了什么，例如：更换了管件接头</translation>
    </message>
    <message>
        <source>Close without callback</source>
        <translation>不回访直接关闭</translation>
    </message>
    <message>
        <source>Close order</source>
        <translation>关闭工单</translation>
    </message>
    <message>
        <source>&amp;Why</source>
        <translation>原因(&amp;W)</translation>
    </message>
    <message>
        <source>e.g. the owner could not be reached three times</source>
        <translation>例如：三次都联系不上业主</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>取消工单</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>e.g. the owner fixed it himself</source>
        <translation>例如：业主已自行修好</translation>
    </message>
    <message>
        <source>Pause the clock</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>e.g. waiting for the owner&apos;s access, or for parts</source>
        <translation>例如：等业主开门，或等配件</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Goes on the timeline, signed with your name</source>
        <translation>记入处理记录，并署上您的姓名</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Clock paused</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>Clock resumed</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <source>Photo added</source>
        <translation>已添加照片</translation>
    </message>
    <message>
        <source>Commitment issued</source>
        <translation>已出具承诺书</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Supervision notice</source>
        <translation>督办通知</translation>
    </message>
    <message>
        <source>Reply to regulator</source>
        <translation>回复监管平台</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>overdue {span}</source>
        <translation>已超时 {span}</translation>
    </message>
    <message>
        <source>response overdue</source>
        <translation>响应超时</translation>
    </message>
    <message>
        <source>due in {span}</source>
        <translation>{span}后到期</translation>
    </message>
    <message>
        <source>{status} (paused)</source>
        <translation>{status}（已暂停）</translation>
    </message>
    <message>
        <source>Due {time}</source>
        <translation>{time} 到期</translation>
    </message>
    <message>
        <source>supervised</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>The regulator supervises this order: deadline {time}</source>
        <translation>监管平台督办此工单：办结期限 {time}</translation>
    </message>
    <message>
        <source>The deadline has passed.</source>
        <translation>已过办结期限。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>维修类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题分类</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Room / place</source>
        <translation>房号 / 位置</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Reading orders…</source>
        <translation>正在读取工单…</translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation>此列不能排序</translation>
    </message>
    <message>
        <source>Status now</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <source>Looking for changes…</source>
        <translation>正在检查更新…</translation>
    </message>
</context>
<context>
    <name>WorkOrdersTab</name>
    <message>
        <source>Reading communities…</source>
        <translation>正在读取小区…</translation>
    </message>
    <message>
        <source>This order is not in the list with the current filters.</source>
        <translation>按当前筛选条件，列表中没有这张工单。</translation>
    </message>
    <message>
        <source>Counting orders…</source>
        <translation>正在统计工单…</translation>
    </message>
    <message>
        <source>Reading the order…</source>
        <translation>正在读取工单…</translation>
    </message>
    <message>
        <source>Looking up the order…</source>
        <translation>正在查找工单…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>The file cannot be read: {error}</source>
        <translation>无法读取该文件：{error}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>The database cannot be reached ({reason}).</source>
        <translation>无法连接数据库（{reason}）。</translation>
    </message>
    <message>
        <source>The database could not be upgraded ({reason}).</source>
        <translation>数据库升级失败（{reason}）。</translation>
    </message>
    <message>
        <source>Database unavailable</source>
        <translation>数据库不可用</translation>
    </message>
    <message>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The database was upgraded; a copy of it from before is at {path}</source>
        <translation>数据库已升级，升级前的副本保存在 {path}</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside the program. Details were written to the log.</source>
        <translation>程序内部出错，详细信息已写入日志。</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Account locked after failed logins</source>
        <translation>登录失败次数过多，账号已锁定</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>User changed</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>账号已解锁</translation>
    </message>
    <message>
        <source>Own password changed</source>
        <translation>修改本人密码</translation>
    </message>
    <message>
        <source>Added to the staff directory</source>
        <translation>加入人员名录</translation>
    </message>
    <message>
        <source>Staff directory entry changed</source>
        <translation>修改人员名录</translation>
    </message>
    <message>
        <source>Taken off the staff directory</source>
        <translation>停用人员</translation>
    </message>
    <message>
        <source>Company created</source>
        <translation>创建公司</translation>
    </message>
    <message>
        <source>Company changed</source>
        <translation>修改公司信息</translation>
    </message>
    <message>
        <source>Community created</source>
        <translation>新建小区</translation>
    </message>
    <message>
        <source>Community changed</source>
        <translation>修改小区</translation>
    </message>
    <message>
        <source>Channels changed</source>
        <translation>修改报修渠道</translation>
    </message>
    <message>
        <source>Building created</source>
        <translation>新建楼栋</translation>
    </message>
    <message>
        <source>Building changed</source>
        <translation>修改楼栋</translation>
    </message>
    <message>
        <source>Household created</source>
        <translation>新建房屋</translation>
    </message>
    <message>
        <source>Household changed</source>
        <translation>修改房屋</translation>
    </message>
    <message>
        <source>Households imported</source>
        <translation>导入房屋</translation>
    </message>
    <message>
        <source>Full phone number shown</source>
        <translation>查看完整电话号码</translation>
    </message>
    <message>
        <source>Work order taken</source>
        <translation>受理工单</translation>
    </message>
    <message>
        <source>Work order dispatched</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>Work started</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>Work order completed</source>
        <translation>工单完工</translation>
    </message>
    <message>
        <source>Work order closed</source>
        <translation>关闭工单</translation>
    </message>
    <message>
        <source>Work order reopened</source>
        <translation>工单重新处理</translation>
    </message>
    <message>
        <source>Work order cancelled</source>
        <translation>取消工单</translation>
    </message>
    <message>
        <source>Commitment letter issued</source>
        <translation>出具承诺书</translation>
    </message>
    <message>
        <source>Callback recorded</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Deadline clock paused</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>Deadline clock resumed</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <source>Photo added</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Document printed</source>
        <translation>打印单据</translation>
    </message>
    <message>
        <source>Hand-over item added</source>
        <translation>新增销项</translation>
    </message>
    <message>
        <source>Hand-over item changed</source>
        <translation>修改销项</translation>
    </message>
    <message>
        <source>Hand-over item closed</source>
        <translation>销项完成</translation>
    </message>
    <message>
        <source>Hand-over item reopened</source>
        <translation>销项重新打开</translation>
    </message>
    <message>
        <source>Hand-over item deleted</source>
        <translation>删除销项</translation>
    </message>
    <message>
        <source>Hand-over items gathered from work orders</source>
        <translation>从工单汇集销项</translation>
    </message>
    <message>
        <source>Hand-over items imported</source>
        <translation>导入销项</translation>
    </message>
    <message>
        <source>Ledger account opened</source>
        <translation>开设公共收益账户</translation>
    </message>
    <message>
        <source>Ledger category added</source>
        <translation>新增收支科目</translation>
    </message>
    <message>
        <source>Ledger entry posted</source>
        <translation>登记台账</translation>
    </message>
    <message>
        <source>Ledger entry reversed</source>
        <translation>冲销台账记录</translation>
    </message>
    <message>
        <source>Ledger months closed</source>
        <translation>台账结账</translation>
    </message>
    <message>
        <source>Ledger exported</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <source>Ledger disclosure published</source>
        <translation>发布公共收益公示</translation>
    </message>
    <message>
        <source>Bank statement imported</source>
        <translation>导入银行流水</translation>
    </message>
    <message>
        <source>Regulator connection set up</source>
        <translation>设置监管平台连接</translation>
    </message>
    <message>
        <source>Ticket received from the regulator</source>
        <translation>收到监管平台工单</translation>
    </message>
    <message>
        <source>Supervision notice received</source>
        <translation>收到督办单</translation>
    </message>
    <message>
        <source>Reply sent to the regulator</source>
        <translation>回复监管平台</translation>
    </message>
    <message>
        <source>Refused report given up</source>
        <translation>放弃被拒上报</translation>
    </message>
    <message>
        <source>Reports sent again</source>
        <translation>重新上报</translation>
    </message>
    <message>
        <source>Deadlines changed</source>
        <translation>修改处理时限</translation>
    </message>
    <message>
        <source>Work-order settings changed</source>
        <translation>修改工单设置</translation>
    </message>
    <message>
        <source>Phone on work-order slips changed</source>
        <translation>修改派工单电话设置</translation>
    </message>
    <message>
        <source>Owners&apos; reporting page changed</source>
        <translation>扫码报修页面设置变更</translation>
    </message>
    <message>
        <source>Database backed up</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Database restored</source>
        <translation>恢复数据库</translation>
    </message>
    <message>
        <source>Demo data written</source>
        <translation>写入演示数据</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Staff directory</source>
        <translation>人员名录</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>房屋</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Commitment letter</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>Ledger entry</source>
        <translation>台账记录</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Callback log</source>
        <translation>回访登记表</translation>
    </message>
    <message>
        <source>Report to the regulator</source>
        <translation>监管平台上报</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>维修类别</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Callback method</source>
        <translation>回访方式</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Regulator ticket</source>
        <translation>监管平台工单</translation>
    </message>
    <message>
        <source>Supervision notice</source>
        <translation>督办单</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>业主人数</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Elevators</source>
        <translation>电梯数</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>处理方</translation>
    </message>
    <message>
        <source>Own staff</source>
        <translation>本公司人员</translation>
    </message>
    <message>
        <source>Contractors</source>
        <translation>外包单位</translation>
    </message>
    <message>
        <source>Public address</source>
        <translation>公网地址</translation>
    </message>
    <message>
        <source>Switched on</source>
        <translation>已开启</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Days to call back</source>
        <translation>回访期限（天）</translation>
    </message>
    <message>
        <source>Due soon (minutes)</source>
        <translation>即将到期提醒（分钟）</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>收支</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reverses entry</source>
        <translation>冲销记录</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>房屋数</translation>
    </message>
    <message>
        <source>Ledger entries</source>
        <translation>台账笔数</translation>
    </message>
    <message>
        <source>Work-order slip</source>
        <translation>派工单</translation>
    </message>
    <message>
        <source>Callback form</source>
        <translation>回访单</translation>
    </message>
    <message>
        <source>Blank callback forms</source>
        <translation>空白回访单</translation>
    </message>
    <message>
        <source>Blank callback log</source>
        <translation>空白回访登记表</translation>
    </message>
    <message>
        <source>Hand-over list</source>
        <translation>销项表</translation>
    </message>
    <message>
        <source>Ledger disclosure</source>
        <translation>公共收益公示</translation>
    </message>
    <message>
        <source>Signage</source>
        <translation>公示牌</translation>
    </message>
    <message>
        <source>Weekly supervision report</source>
        <translation>每周督办单</translation>
    </message>
    <message>
        <source>Full number</source>
        <translation>完整号码</translation>
    </message>
    <message>
        <source>Masked number</source>
        <translation>隐藏号码</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>外包单位</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>({details})</source>
        <translation>（{details}）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Between 0 and {max}</source>
        <translation>应在 0 到 {max} 之间</translation>
    </message>
    <message>
        <source>Unknown kind of demo data</source>
        <translation>未知的演示数据类型</translation>
    </message>
    <message>
        <source>The database already has data ({what}). Demo data goes only into a new, empty database: choose another one with --db.</source>
        <translation>数据库中已有数据（{what}）。演示数据只能写入新的空数据库：请用 --db 指定另一个数据库。</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Pre-delivery inspection</source>
        <translation>分户验收</translation>
    </message>
    <message>
        <source>Owners&apos; open day</source>
        <translation>业主开放日</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>A day that has not come yet</source>
        <translation>日期不能晚于今天</translation>
    </message>
    <message>
        <source>Who checked the repair?</source>
        <translation>由谁验收维修？</translation>
    </message>
    <message>
        <source>No such close-out item: {id}</source>
        <translation>找不到销项条目：{id}</translation>
    </message>
    <message>
        <source>Somebody else saved this record first. It has been reloaded; please make your change again.</source>
        <translation>其他人已先保存了这条记录。已重新载入，请再修改一次。</translation>
    </message>
    <message>
        <source>Items from orders are gathered, not typed in</source>
        <translation>来自工单的条目由系统汇总，不能手工录入</translation>
    </message>
    <message>
        <source>Item {seq} is already closed.</source>
        <translation>第 {seq} 项已销项。</translation>
    </message>
    <message>
        <source>Item {seq} is not closed.</source>
        <translation>第 {seq} 项尚未销项。</translation>
    </message>
    <message>
        <source>No header row found in {name}: the first lines need a column such as 问题, 部位, 责任单位, 整改期限</source>
        <translation>{name} 中找不到表头：前几行应有“问题、部位、责任单位、整改期限”等列</translation>
    </message>
    <message>
        <source>Not a date (write it like 2026-12-31)</source>
        <translation>不是有效日期（写法如 2026-12-31）</translation>
    </message>
    <message>
        <source>分户验收, 开放日 or 其他</source>
        <translation>分户验收、开放日或其他</translation>
    </message>
    <message>
        <source>{name} has no items below its header</source>
        <translation>{name} 的表头下没有条目</translation>
    </message>
    <message>
        <source>{name} has more than {n} items for one household</source>
        <translation>{name} 中一户的条目超过 {n} 项</translation>
    </message>
    <message>
        <source>Not a mainland mobile or landline number</source>
        <translation>不是有效的大陆手机或固定电话号码</translation>
    </message>
    <message>
        <source>An https:// address containing {{household}}</source>
        <translation>以 https:// 开头并包含 {{household}} 的网址</translation>
    </message>
    <message>
        <source>An https:// address containing {{entrance}}</source>
        <translation>以 https:// 开头并包含 {{entrance}} 的网址</translation>
    </message>
    <message>
        <source>A public line such as 12345, or a phone number</source>
        <translation>12345 等公共热线，或电话号码</translation>
    </message>
    <message>
        <source>The company is not set up yet</source>
        <translation>尚未设置公司信息</translation>
    </message>
    <message>
        <source>No such community: {code}</source>
        <translation>找不到小区：{code}</translation>
    </message>
    <message>
        <source>This code is taken</source>
        <translation>该编码已被使用</translation>
    </message>
    <message>
        <source>Between 0 and 200</source>
        <translation>应在 0 到 200 之间</translation>
    </message>
    <message>
        <source>Between 0 and 50</source>
        <translation>应在 0 到 50 之间</translation>
    </message>
    <message>
        <source>This number is taken</source>
        <translation>该编号已被使用</translation>
    </message>
    <message>
        <source>No such building: {id}</source>
        <translation>找不到楼栋：{id}</translation>
    </message>
    <message>
        <source>Square metres, e.g. 89.50</source>
        <translation>平方米，例如 89.50</translation>
    </message>
    <message>
        <source>Too long</source>
        <translation>太长</translation>
    </message>
    <message>
        <source>Type the whole number</source>
        <translation>请输入完整号码</translation>
    </message>
    <message>
        <source>{code} already exists</source>
        <translation>{code} 已存在</translation>
    </message>
    <message>
        <source>No such household: {id}</source>
        <translation>找不到房屋：{id}</translation>
    </message>
    <message>
        <source>No such owner: {id}</source>
        <translation>找不到业主：{id}</translation>
    </message>
    <message>
        <source>Service desk</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>项目经理</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this: {permission}</source>
        <translation>您的角色（{role}）无权执行此操作：{permission}</translation>
    </message>
    <message>
        <source>{name}, row {row}: not valid {encoding} text (a damaged file, or saved in another encoding); save it again from Excel as .xlsx or CSV UTF-8</source>
        <translation>{name} 第 {row} 行：不是有效的 {encoding} 文本（文件已损坏，或用了其他编码保存）；请用 Excel 重新另存为 .xlsx 或 CSV UTF-8</translation>
    </message>
    <message>
        <source>{name} is neither UTF-8 nor GBK text; save it from Excel as .xlsx or CSV</source>
        <translation>{name} 既不是 UTF-8 也不是 GBK 编码；请用 Excel 另存为 .xlsx 或 CSV</translation>
    </message>
    <message>
        <source>{name} is not a readable CSV file ({reason})</source>
        <translation>{name} 不是可读取的 CSV 文件（{reason}）</translation>
    </message>
    <message>
        <source>{name} is not a readable Excel workbook ({reason})</source>
        <translation>{name} 不是可读取的 Excel 工作簿（{reason}）</translation>
    </message>
    <message>
        <source>{name} unpacks to {size}, more than the {limit} an import reads; split it into smaller files</source>
        <translation>{name} 解压后为 {size}，超过导入上限 {limit}；请拆分成几个较小的文件</translation>
    </message>
    <message>
        <source>{name} is damaged: its first sheet cannot be read; open it in Excel and save it again</source>
        <translation>{name} 已损坏：第一个工作表无法读取；请用 Excel 打开后重新保存</translation>
    </message>
    <message>
        <source>{name} is damaged after row {row}: the rest of its first sheet cannot be read; open it in Excel and save it again</source>
        <translation>{name} 已损坏：第 {row} 行之后的第一个工作表内容无法读取；请用 Excel 打开后重新保存</translation>
    </message>
    <message>
        <source>{name} has more than {limit} rows; split it into smaller files</source>
        <translation>{name} 超过 {limit} 行；请拆分成几个较小的文件</translation>
    </message>
    <message>
        <source>No such file: {path}</source>
        <translation>找不到文件：{path}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file</source>
        <translation>{path} 是文件夹，不是文件</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not a file that can be imported</source>
        <translation>{path} 不是可导入的文件</translation>
    </message>
    <message>
        <source>{name} is {size}, more than the {limit} an import reads; split it into smaller files</source>
        <translation>{name} 大小为 {size}，超过导入上限 {limit}；请拆分成几个较小的文件</translation>
    </message>
    <message>
        <source>No header row found in {name}: the first lines need columns such as 楼号, 单元, 房号, 业主, 电话</source>
        <translation>{name} 中找不到表头：前几行应有“楼号、单元、房号、业主、电话”等列</translation>
    </message>
    <message>
        <source>Missing column (accepted names: {names})</source>
        <translation>缺少此列（可用列名：{names}）</translation>
    </message>
    <message>
        <source>{name} has no household rows below its header</source>
        <translation>{name} 的表头下没有房屋数据</translation>
    </message>
    <message>
        <source>A masked number (138****5678) cannot be imported; give the whole number</source>
        <translation>不能导入打码的号码（138****5678），请填写完整号码</translation>
    </message>
    <message>
        <source>{room} is already in row {other}</source>
        <translation>{room} 已出现在第 {other} 行</translation>
    </message>
    <message>
        <source>Must be more than zero</source>
        <translation>必须大于零</translation>
    </message>
    <message>
        <source>The response cannot come after completion</source>
        <translation>响应时间不能晚于完工时间</translation>
    </message>
    <message>
        <source>Unknown tier or category</source>
        <translation>未知的维修类型或问题分类</translation>
    </message>
    <message>
        <source>Between 1 and 365 days</source>
        <translation>应在 1 到 365 天之间</translation>
    </message>
    <message>
        <source>Between 1 and 30 days</source>
        <translation>应在 1 到 30 天之间</translation>
    </message>
    <message>
        <source>Between 10 minutes and 7 days</source>
        <translation>应在 10 分钟到 7 天之间</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完工</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新处理</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>An order that is {current} cannot become {target}.</source>
        <translation>“{current}”状态的工单不能改为“{target}”。</translation>
    </message>
    <message>
        <source>At least {n} characters</source>
        <translation>至少 {n} 个字符</translation>
    </message>
    <message>
        <source>Letters, digits, dots and underscores; at most 64</source>
        <translation>只能使用字母、数字、点和下划线，最多 64 个字符</translation>
    </message>
    <message>
        <source>This user name is taken</source>
        <translation>该用户名已被使用</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This account is disabled.</source>
        <translation>该账号已停用。</translation>
    </message>
    <message>
        <source>Too many failed attempts: the account is locked for {minutes} more minute(s).</source>
        <translation>登录失败次数过多，账号已被锁定，请 {minutes} 分钟后再试。</translation>
    </message>
    <message>
        <source>This database already has a company and users.</source>
        <translation>该数据库已有公司和用户。</translation>
    </message>
    <message>
        <source>No such user: {id}</source>
        <translation>找不到用户：{id}</translation>
    </message>
    <message>
        <source>You cannot demote or disable yourself</source>
        <translation>不能降低自己的角色或停用自己</translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <source>A credit code has 18 characters</source>
        <translation>统一社会信用代码应为18位</translation>
    </message>
    <message>
        <source>A credit code uses digits and capital letters other than I, O, S, V, Z</source>
        <translation>统一社会信用代码由数字和除 I、O、S、V、Z 以外的大写字母组成</translation>
    </message>
    <message>
        <source>The check character of the credit code is wrong</source>
        <translation>统一社会信用代码的校验码不正确</translation>
    </message>
    <message>
        <source>2 to 12 capital letters and digits, starting with a letter (e.g. QD001)</source>
        <translation>2至12位大写字母和数字，以字母开头（如 QD001）</translation>
    </message>
    <message>
        <source>1 to 8 letters or digits, no spaces or dashes</source>
        <translation>1至8位字母或数字，不含空格和横线</translation>
    </message>
    <message>
        <source>Property company</source>
        <translation>物业单位</translation>
    </message>
    <message>
        <source>Housing-repair contractor</source>
        <translation>房修单位</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>建设单位</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>治安秩序</translation>
    </message>
    <message>
        <source>Cleaning</source>
        <translation>环境卫生</translation>
    </message>
    <message>
        <source>Fire safety</source>
        <translation>消防安全</translation>
    </message>
    <message>
        <source>E-bike parking and charging</source>
        <translation>电动车停放充电</translation>
    </message>
    <message>
        <source>Elevator</source>
        <translation>电梯</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>停车管理</translation>
    </message>
    <message>
        <source>Drains</source>
        <translation>排水管道</translation>
    </message>
    <message>
        <source>Damaged pavement</source>
        <translation>路面破损</translation>
    </message>
    <message>
        <source>Public lighting</source>
        <translation>公共照明</translation>
    </message>
    <message>
        <source>Greenery</source>
        <translation>绿化</translation>
    </message>
    <message>
        <source>Leak</source>
        <translation>渗漏</translation>
    </message>
    <message>
        <source>Wall cracks and hollows</source>
        <translation>墙面开裂空鼓</translation>
    </message>
    <message>
        <source>Doors and windows</source>
        <translation>门窗</translation>
    </message>
    <message>
        <source>In-home plumbing</source>
        <translation>户内给排水</translation>
    </message>
    <message>
        <source>In-home electrical</source>
        <translation>户内电路</translation>
    </message>
    <message>
        <source>Water, gas and heating</source>
        <translation>水、燃气、暖气</translation>
    </message>
    <message>
        <source>Own technician</source>
        <translation>本公司维修工</translation>
    </message>
    <message>
        <source>Own team</source>
        <translation>本公司班组</translation>
    </message>
    <message>
        <source>Channel contact</source>
        <translation>渠道联系人</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话报修</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>12345 hotline</source>
        <translation>12345热线</translation>
    </message>
    <message>
        <source>Regulator platform</source>
        <translation>监管平台</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>扫码报修</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>巡查发现</translation>
    </message>
    <message>
        <source>Fix at once</source>
        <translation>马上修</translation>
    </message>
    <message>
        <source>Fix within a deadline</source>
        <translation>限时修</translation>
    </message>
    <message>
        <source>Fix under a written promise</source>
        <translation>承诺修</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>上门</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>This is a PostgreSQL database: restore it with PostgreSQL&apos;s own tool, e.g. pg_restore --clean --if-exists --no-owner -d &apos;{url}&apos; wuye.dump (stop every desk first).</source>
        <translation>这是 PostgreSQL 数据库，请用 PostgreSQL 自带的工具恢复，例如 pg_restore --clean --if-exists --no-owner -d &apos;{url}&apos; wuye.dump（请先关闭所有客户端）。</translation>
    </message>
    <message>
        <source>This is a PostgreSQL database: back it up with PostgreSQL&apos;s own tool, e.g. pg_dump --format=custom --file=wuye.dump &apos;{url}&apos; (restore with pg_restore).</source>
        <translation>这是 PostgreSQL 数据库，请用 PostgreSQL 自带的工具备份，例如 pg_dump --format=custom --file=wuye.dump &apos;{url}&apos;（用 pg_restore 恢复）。</translation>
    </message>
    <message>
        <source>An in-memory database has no file to copy</source>
        <translation>内存数据库没有可复制的文件</translation>
    </message>
    <message>
        <source>There is no database at {path} to back up</source>
        <translation>{path} 处没有可备份的数据库</translation>
    </message>
    <message>
        <source>The backup cannot be the database itself: {path}</source>
        <translation>备份文件不能是数据库本身：{path}</translation>
    </message>
    <message>
        <source>{path} already exists; choose a new name (an old backup is never overwritten)</source>
        <translation>{path} 已存在，请换一个文件名（不会覆盖旧备份）</translation>
    </message>
    <message>
        <source>The backup could not be written to {path}: {reason}</source>
        <translation>无法将备份写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>The backup failed its check ({reason}); nothing was kept</source>
        <translation>备份未通过校验（{reason}），未保留任何文件</translation>
    </message>
    <message>
        <source>{path} is not an SQLite database</source>
        <translation>{path} 不是 SQLite 数据库</translation>
    </message>
    <message>
        <source>{path} is not a usable backup of this program ({reason})</source>
        <translation>{path} 不是本程序可用的备份（{reason}）</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of this program (schema {rev}); install that version to restore it</source>
        <translation>{path} 由更新版本的程序创建（结构版本 {rev}），请安装该版本后再恢复</translation>
    </message>
    <message>
        <source>{path} is the database itself, not a backup of it</source>
        <translation>{path} 是数据库本身，不是它的备份</translation>
    </message>
    <message>
        <source>The restore failed ({reason}). The previous database is kept as {copy}.</source>
        <translation>恢复失败（{reason}）。原数据库已保留为 {copy}。</translation>
    </message>
    <message>
        <source>Unsupported database URL: {url}</source>
        <translation>不支持的数据库地址：{url}</translation>
    </message>
    <message>
        <source>The database cannot be used right now ({reason}). Please retry.</source>
        <translation>数据库暂时无法使用（{reason}），请重试。</translation>
    </message>
    <message>
        <source>This file is not a database of the program, or it is damaged ({reason}).</source>
        <translation>此文件不是本程序的数据库，或已损坏（{reason}）。</translation>
    </message>
    <message>
        <source>Another program deleted or replaced the database&apos;s files ({files}) while this program was using them. Nothing more has been saved, so that nothing is written where it would be lost. Close the program and start it again; if work is missing, restore the latest backup.</source>
        <translation>本程序使用数据库期间，另一个程序删除或替换了数据库文件（{files}）。为免数据写入后丢失，程序已停止保存。请关闭程序后重新启动；如有工作缺失，请恢复最近的备份。</translation>
    </message>
    <message>
        <source>The database was made by a newer version of this program (schema {rev}). Please install the newer version.</source>
        <translation>该数据库由更新版本的程序创建（结构版本 {rev}），请安装新版本。</translation>
    </message>
    <message>
        <source>Unknown column</source>
        <translation>无法识别的列</translation>
    </message>
    <message>
        <source>No such work order: {id}</source>
        <translation>找不到工单：{id}</translation>
    </message>
    <message>
        <source>No such photo: {id}</source>
        <translation>找不到照片：{id}</translation>
    </message>
    <message>
        <source>A week is written like 2026-W47</source>
        <translation>周的写法如 2026-W47</translation>
    </message>
    <message>
        <source>Choose one</source>
        <translation>请选择一项</translation>
    </message>
    <message>
        <source>Somebody else changed order {number} first. It has been reloaded; please check it and make your change again.</source>
        <translation>其他人已先修改了工单 {number}。已重新载入，请核对后再修改一次。</translation>
    </message>
    <message>
        <source>At most {n} characters</source>
        <translation>最多 {n} 个字符</translation>
    </message>
    <message>
        <source>Pick a household or describe the common-area place</source>
        <translation>请选择房屋，或填写公共区域位置</translation>
    </message>
    <message>
        <source>Not a masked number</source>
        <translation>不是脱敏号码</translation>
    </message>
    <message>
        <source>Time without a time zone</source>
        <translation>时间缺少时区</translation>
    </message>
    <message>
        <source>Not a household of this community</source>
        <translation>不是本小区的房屋</translation>
    </message>
    <message>
        <source>Not an owner of this household</source>
        <translation>不是该房屋的业主</translation>
    </message>
    <message>
        <source>Order taken</source>
        <translation>受理工单</translation>
    </message>
    <message>
        <source>The promised date has passed</source>
        <translation>承诺日期已过</translation>
    </message>
    <message>
        <source>At most {n} days from today</source>
        <translation>最晚为今天起 {n} 天内</translation>
    </message>
    <message>
        <source>Only promised-tier orders get a commitment.</source>
        <translation>只有承诺修工单才需要出具承诺书。</translation>
    </message>
    <message>
        <source>Order {number} already has a commitment.</source>
        <translation>工单 {number} 已出具承诺书。</translation>
    </message>
    <message>
        <source>An order that is {current} cannot get a commitment.</source>
        <translation>“{current}”状态的工单不能出具承诺书。</translation>
    </message>
    <message>
        <source>A promised order cannot start without its commitment: plan, promised date, responsible unit and person.</source>
        <translation>承诺修工单须先出具承诺书（维修方案、承诺日期、责任单位和责任人）才能开始处理。</translation>
    </message>
    <message>
        <source>Say what was found and done</source>
        <translation>请填写处理结果：发现了什么、做了什么</translation>
    </message>
    <message>
        <source>Resume the order before completing it.</source>
        <translation>请先恢复计时，再完工。</translation>
    </message>
    <message>
        <source>Say why the order is cancelled</source>
        <translation>请说明取消工单的原因</translation>
    </message>
    <message>
        <source>An order that is {current} cannot be paused.</source>
        <translation>“{current}”状态的工单不能暂停。</translation>
    </message>
    <message>
        <source>The order is already paused.</source>
        <translation>工单已处于暂停状态。</translation>
    </message>
    <message>
        <source>The order is not paused.</source>
        <translation>工单未暂停。</translation>
    </message>
    <message>
        <source>Write down what the owner is unhappy with</source>
        <translation>请记录业主不满意的地方</translation>
    </message>
    <message>
        <source>A callback is made after completion; order {number} is {current}.</source>
        <translation>完工后才能回访；工单 {number} 当前为“{current}”。</translation>
    </message>
    <message>
        <source>Only JPEG and PNG pictures</source>
        <translation>只支持 JPEG 和 PNG 图片</translation>
    </message>
    <message>
        <source>A picture may be at most 8 MB</source>
        <translation>图片不能超过 8 MB</translation>
    </message>
    <message>
        <source>Order {number} is {current}: its callback form is printed once it is completed.</source>
        <translation>工单 {number} 当前为“{current}”：完工后才能打印回访单。</translation>
    </message>
    <message>
        <source>Between 1 and {max}</source>
        <translation>应在 1 到 {max} 之间</translation>
    </message>
    <message>
        <source>Order {number} is not a promised-tier order, so it has no commitment letter.</source>
        <translation>工单 {number} 不是承诺修工单，没有承诺书。</translation>
    </message>
    <message>
        <source>Order {number} has no commitment yet: issue it first (plan, promised date, responsible unit and person).</source>
        <translation>工单 {number} 尚未出具承诺书：请先出具（维修方案、承诺日期、责任单位和责任人）。</translation>
    </message>
    <message>
        <source>The documents&apos; font is missing ({path}); reinstall the program.</source>
        <translation>缺少文书所用的字体（{path}），请重新安装程序。</translation>
    </message>
    <message>
        <source>Community {community}: fill in the unit name of {channel}</source>
        <translation>小区 {community}：请填写{channel}的单位名称</translation>
    </message>
    <message>
        <source>Community {community}: fill in the contact of {channel}</source>
        <translation>小区 {community}：请填写{channel}的联系人</translation>
    </message>
    <message>
        <source>Community {community}: fill in the phone of {channel}</source>
        <translation>小区 {community}：请填写{channel}的电话</translation>
    </message>
    <message>
        <source>Community {community}: fill in the service hours of {channel}</source>
        <translation>小区 {community}：请填写{channel}的服务时间</translation>
    </message>
    <message>
        <source>lobby, elevator, home or all</source>
        <translation>lobby（大堂）、elevator（电梯）、home（户内）或 all（全部）</translation>
    </message>
    <message>
        <source>No reporting address is configured for {places}: owners&apos; phones will only see the text of these codes (WUYE:…), which only the desk&apos;s scanner understands. Set the addresses in Administration → Company.</source>
        <translation>{places}未配置报修网址：这些二维码在业主手机上只显示文字（WUYE:…），只有服务台扫码枪能识别。请在“管理 → 公司”中设置网址。</translation>
    </message>
    <message>
        <source>A4 or A3</source>
        <translation>A4 或 A3</translation>
    </message>
    <message>
        <source>Community {community} has nothing to post there yet</source>
        <translation>小区 {community} 在该位置还没有可公示的内容</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>{period} has not begun yet; there is nothing to disclose</source>
        <translation>{period} 尚未开始，没有可公示的内容</translation>
    </message>
    <message>
        <source>Close every month of {period} before publishing its disclosure</source>
        <translation>请先将 {period} 的各月全部结账，再发布公示</translation>
    </message>
    <message>
        <source>The ledger changed while the disclosure was prepared; try again</source>
        <translation>生成公示期间台账有变动，请重试</translation>
    </message>
    <message>
        <source>An amount is required</source>
        <translation>请填写金额</translation>
    </message>
    <message>
        <source>{text}: amounts have at most two decimals (fen)</source>
        <translation>{text}：金额最多两位小数（精确到分）</translation>
    </message>
    <message>
        <source>{text} is not an amount (e.g. 1,234.50)</source>
        <translation>{text} 不是有效金额（例如 1,234.50）</translation>
    </message>
    <message>
        <source>{text} is too large an amount</source>
        <translation>{text} 金额过大</translation>
    </message>
    <message>
        <source>{text} is not a period (2026Q3 or 2026-07)</source>
        <translation>{text} 不是有效期间（如 2026Q3 或 2026-07）</translation>
    </message>
    <message>
        <source>Community {code} has no public-income account yet</source>
        <translation>小区 {code} 尚未开设公共收益账户</translation>
    </message>
    <message>
        <source>Contains control characters</source>
        <translation>含有控制字符</translation>
    </message>
    <message>
        <source>At most {limit} characters</source>
        <translation>最多 {limit} 个字符</translation>
    </message>
    <message>
        <source>Must be more than 0</source>
        <translation>必须大于 0</translation>
    </message>
    <message>
        <source>8 to 32 digits</source>
        <translation>8至32位数字</translation>
    </message>
    <message>
        <source>Community {code} already has its account</source>
        <translation>小区 {code} 已开设账户</translation>
    </message>
    <message>
        <source>Income or expense</source>
        <translation>收入或支出</translation>
    </message>
    <message>
        <source>Lowercase letters, digits and _</source>
        <translation>只能使用小写字母、数字和 _</translation>
    </message>
    <message>
        <source>{code} exists already</source>
        <translation>{code} 已存在</translation>
    </message>
    <message>
        <source>This community has no public-income account yet</source>
        <translation>该小区尚未开设公共收益账户</translation>
    </message>
    <message>
        <source>{day} is before the account was opened ({opened})</source>
        <translation>{day} 早于账户开设日期（{opened}）</translation>
    </message>
    <message>
        <source>{day} is in the future</source>
        <translation>{day} 晚于今天</translation>
    </message>
    <message>
        <source>Period {period} is closed; nothing more may be posted into it</source>
        <translation>{period} 已结账，不能再记账</translation>
    </message>
    <message>
        <source>{category} is not an income category</source>
        <translation>{category} 不是收入类别</translation>
    </message>
    <message>
        <source>{category} is not an expense category</source>
        <translation>{category} 不是支出类别</translation>
    </message>
    <message>
        <source>No entry #{seq} in the ledger of {code}</source>
        <translation>{code} 的台账中没有第 {seq} 笔记录</translation>
    </message>
    <message>
        <source>Entry #{seq} is itself a reversal and is final</source>
        <translation>第 {seq} 笔本身是冲销记录，不能再冲销</translation>
    </message>
    <message>
        <source>Entry #{seq} was already reversed by entry #{by}</source>
        <translation>第 {seq} 笔已被第 {by} 笔冲销</translation>
    </message>
    <message>
        <source>Give the reason for the reversal</source>
        <translation>请填写冲销原因</translation>
    </message>
    <message>
        <source>Months are closed one by one</source>
        <translation>须逐月按顺序结账</translation>
    </message>
    <message>
        <source>{period} has not ended yet</source>
        <translation>{period} 尚未结束</translation>
    </message>
    <message>
        <source>{period} is before the account was opened</source>
        <translation>{period} 早于账户开设日期</translation>
    </message>
    <message>
        <source>Period {period} is closed already</source>
        <translation>{period} 已结账</translation>
    </message>
    <message>
        <source>Ledger of {code} is broken at entry #{seq}: the entry was changed</source>
        <translation>{code} 的台账在第 {seq} 笔处校验不通过：该笔记录被修改过</translation>
    </message>
    <message>
        <source>Ledger of {code} is broken at entry #{seq}: the entry was deleted</source>
        <translation>{code} 的台账在第 {seq} 笔处校验不通过：该笔记录被删除</translation>
    </message>
    <message>
        <source>Ledger of {code} is broken at entry #{seq}: an entry was inserted</source>
        <translation>{code} 的台账在第 {seq} 笔处校验不通过：此处被插入了记录</translation>
    </message>
    <message>
        <source>Ledger of {code} is broken after entry #{seq}: entries were added or removed at the end behind the program&apos;s back</source>
        <translation>{code} 的台账在第 {seq} 笔之后校验不通过：末尾有记录被绕过本程序添加或删除</translation>
    </message>
    <message>
        <source>{name}: no header row with a date column and an amount column (or income and expense columns) was found; map the columns</source>
        <translation>{name}：找不到含日期列和金额列（或收入列和支出列）的表头，请手动指定各列</translation>
    </message>
    <message>
        <source>{text} is not a date (2026-03-05)</source>
        <translation>{text} 不是有效日期（如 2026-03-05）</translation>
    </message>
    <message>
        <source>Both {income} ({income_text}) and {expense} ({expense_text}) are filled; a row is either income or expense</source>
        <translation>{income}（{income_text}）和{expense}（{expense_text}）都填了；一行只能是收入或支出</translation>
    </message>
    <message>
        <source>Must not be 0</source>
        <translation>不能为 0</translation>
    </message>
    <message>
        <source>Repeats row {other}</source>
        <translation>与第 {other} 行重复</translation>
    </message>
    <message>
        <source>Ledger entry #{seq} cannot be edited or deleted; post a reversing entry instead.</source>
        <translation>台账第 {seq} 笔记录不能修改或删除，请改为登记一笔冲销记录。</translation>
    </message>
    <message>
        <source>Say why it is not yours to handle</source>
        <translation>请说明为何不属于本单位职责</translation>
    </message>
    <message>
        <source>Order {number} did not come from the regulator</source>
        <translation>工单 {number} 并非来自监管平台派单</translation>
    </message>
    <message>
        <source>not an http(s) URL</source>
        <translation>不是 http(s) 地址</translation>
    </message>
    <message>
        <source>a base URL has no query or fragment</source>
        <translation>平台地址不能带查询参数或片段</translation>
    </message>
    <message>
        <source>plain http is allowed only to this computer (127.0.0.1, ::1, localhost)</source>
        <translation>明文 http 仅允许连接本机（127.0.0.1、::1、localhost）</translation>
    </message>
    <message>
        <source>Say why the event is dismissed</source>
        <translation>请说明忽略该事件的理由</translation>
    </message>
    <message>
        <source>You may not dismiss this regulator event ({kind}): ask a manager or administrator</source>
        <translation>您无权忽略此监管事件（{kind}），请联系项目经理或管理员</translation>
    </message>
    <message>
        <source>Event {id} was not refused by the platform, so there is nothing to dismiss</source>
        <translation>事件 {id} 未被平台拒收，无需忽略</translation>
    </message>
    <message>
        <source>You may not resend regulator events</source>
        <translation>您无权重新发送监管平台数据</translation>
    </message>
    <message>
        <source>Set up the company first</source>
        <translation>请先设置企业信息</translation>
    </message>
    <message>
        <source>Not usable: {reason}</source>
        <translation>不可用：{reason}</translation>
    </message>
    <message>
        <source>No such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>At least {n} seconds</source>
        <translation>至少 {n} 秒</translation>
    </message>
    <message>
        <source>At most {n} seconds</source>
        <translation>最多 {n} 秒</translation>
    </message>
    <message>
        <source>Stopped before the end; the rest goes at the next sync.</source>
        <translation>同步中途停止；其余数据将在下次同步时发送。</translation>
    </message>
    <message>
        <source>Another desk took over the sync.</source>
        <translation>另一台客服电脑接管了同步。</translation>
    </message>
    <message>
        <source>Another desk is syncing with the platform right now.</source>
        <translation>另一台客服电脑正在与监管平台同步。</translation>
    </message>
    <message>
        <source>The platform cannot be reached: {detail}</source>
        <translation>无法连接监管平台：{detail}</translation>
    </message>
    <message>
        <source>The clocks differ by {seconds} s: platform {platform}, this computer {here}. Set this computer&apos;s clock right.</source>
        <translation>两边时钟相差 {seconds} 秒：平台时间 {platform}，本机时间 {here}。请校准本机时钟。</translation>
    </message>
    <message>
        <source>The platform refused the credentials ({detail}). Check the company&apos;s credit code and the secret in the regulator settings.</source>
        <translation>监管平台拒绝了本单位的凭据（{detail}）。请在监管平台设置中核对统一社会信用代码和密钥。</translation>
    </message>
    <message>
        <source>GET {path}: the answer has no list of items.</source>
        <translation>GET {path}：平台的应答中没有数据列表。</translation>
    </message>
    <message>
        <source>GET {path}: {detail}</source>
        <translation>GET {path}：{detail}</translation>
    </message>
    <message>
        <source>The platform asks to wait until {until}; the sync goes on then by itself.</source>
        <translation>平台要求等待到 {until}；届时将自动继续同步。</translation>
    </message>
    <message>
        <source>Done in part ({detail}); the rest is tried again at the next sync.</source>
        <translation>部分完成（{detail}）；其余部分将在下次同步时重试。</translation>
    </message>
    <message>
        <source>GET {path}: the platform keeps saying there is more without sending any; stopped.</source>
        <translation>GET {path}：平台一直表示还有数据却未发送任何数据，已停止读取。</translation>
    </message>
    <message>
        <source>The platform refused the request: “{words}”. The clocks differ by {seconds} s: platform {platform}, this computer {here}. Set this computer&apos;s clock right.</source>
        <translation>平台拒绝了请求：“{words}”。双方时钟相差 {seconds} 秒：平台 {platform}，本机 {here}。请校准本机时钟。</translation>
    </message>
    <message>
        <source>Checking the platform&apos;s clock</source>
        <translation>正在核对平台时钟</translation>
    </message>
    <message>
        <source>Sending events: {done} of {total}</source>
        <translation>正在发送事件：{done}/{total}</translation>
    </message>
    <message>
        <source>Reading {what}: page {page}, {items} item(s)</source>
        <translation>正在读取{what}：第 {page} 页，已收到 {items} 条</translation>
    </message>
    <message>
        <source>The platform asks to wait; resending at {time}</source>
        <translation>平台要求稍候；将于 {time} 重新发送</translation>
    </message>
    <message>
        <source>dispatched tickets</source>
        <translation>派单工单</translation>
    </message>
    <message>
        <source>supervision notices</source>
        <translation>督办通知</translation>
    </message>
    <message>
        <source>No regulator platform is configured.</source>
        <translation>尚未设置监管平台。</translation>
    </message>
    <message>
        <source>The regulator settings cannot be used: {detail}</source>
        <translation>监管平台设置无法使用：{detail}</translation>
    </message>
    <message>
        <source>No secret for this platform is stored on this computer; enter it in the regulator settings.</source>
        <translation>本机没有保存该平台的密钥，请在监管平台设置中输入。</translation>
    </message>
    <message>
        <source>the platform did not answer in time</source>
        <translation>监管平台未在规定时间内应答</translation>
    </message>
    <message>
        <source>the platform&apos;s server refused the connection</source>
        <translation>监管平台的服务器拒绝连接</translation>
    </message>
    <message>
        <source>the platform&apos;s host name cannot be found (check the address)</source>
        <translation>找不到监管平台的主机名（请检查地址）</translation>
    </message>
    <message>
        <source>this computer has no network route to the platform</source>
        <translation>本机没有通往监管平台的网络</translation>
    </message>
    <message>
        <source>the platform&apos;s TLS certificate is not trusted (a company CA file may be needed)</source>
        <translation>监管平台的 TLS 证书不受信任（可能需要配置公司的 CA 证书文件）</translation>
    </message>
    <message>
        <source>the platform&apos;s /health has no readable time</source>
        <translation>监管平台的 /health 应答中没有可读的时间</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近12个月</translation>
    </message>
    <message>
        <source>Order number {value}</source>
        <translation>工单号 {value}</translation>
    </message>
    <message>
        <source>Phone ending {value} or order number ending {value}</source>
        <translation>电话尾号 {value} 或工单号尾号 {value}</translation>
    </message>
    <message>
        <source>Order number ending {value}</source>
        <translation>工单号尾号 {value}</translation>
    </message>
    <message>
        <source>Household {value}</source>
        <translation>户号 {value}</translation>
    </message>
    <message>
        <source>Household code prefix {value}</source>
        <translation>户号前缀 {value}</translation>
    </message>
    <message>
        <source>Room: building {building}, unit {unit}, room {room}</source>
        <translation>房号 {building}栋{unit}单元{room}</translation>
    </message>
    <message>
        <source>Community {value}</source>
        <translation>小区 {value}</translation>
    </message>
    <message>
        <source>Name {value} or description containing {words}</source>
        <translation>姓名 {value} 或描述含 {words}</translation>
    </message>
    <message>
        <source>Unrecognised scanned code</source>
        <translation>无法识别的扫码内容</translation>
    </message>
    <message>
        <source>Owners&apos; page of household {value}</source>
        <translation>扫码报修页：房屋 {value}</translation>
    </message>
    <message>
        <source>Owners&apos; page of entrance {value}</source>
        <translation>扫码报修页：单元 {value}</translation>
    </message>
    <message>
        <source>{text} is not a period (2026-11, 2026Q4 or 2026-11-01..2026-11-15)</source>
        <translation>{text} 不是期间（2026-11、2026Q4 或 2026-11-01..2026-11-15）</translation>
    </message>
    <message>
        <source>Household of order {value}</source>
        <translation>工单 {value} 的房屋</translation>
    </message>
    <message>
        <source>Phone ending {value}</source>
        <translation>电话尾号 {value}</translation>
    </message>
    <message>
        <source>{value}: a phone number needs 4 digits or more</source>
        <translation>{value}：电话号码至少需要4位数字</translation>
    </message>
    <message>
        <source>Owner named {value}</source>
        <translation>业主姓名 {value}</translation>
    </message>
    <message>
        <source>No such community: {id}</source>
        <translation>没有这个小区：{id}</translation>
    </message>
    <message>
        <source>Not a month: {text}. Write it as 2026-11</source>
        <translation>不是月份：{text}。请写成 2026-11 这样</translation>
    </message>
    <message>
        <source>The official holidays of {year} are not in this version of the program yet (it knows {first} to {last}); enter them by hand, or update the program</source>
        <translation>本版本程序尚未包含 {year} 年的法定节假日安排（已包含 {first} 至 {last} 年）；请手工录入，或更新程序</translation>
    </message>
    <message>
        <source>An https:// address (http:// only for 127.0.0.1, to try the page out)</source>
        <translation>以 https:// 开头的地址（仅 127.0.0.1 试用时可用 http://）</translation>
    </message>
    <message>
        <source>This order cannot be rated now</source>
        <translation>这张工单现在不能评价</translation>
    </message>
    <message>
        <source>At most {n} pictures</source>
        <translation>最多 {n} 张照片</translation>
    </message>
    <message>
        <source>Too many reports from here within the hour</source>
        <translation>一小时内从这里提交的报修太多</translation>
    </message>
    <message>
        <source>Unknown category</source>
        <translation>未知的类别</translation>
    </message>
    <message>
        <source>No such community</source>
        <translation>没有这个小区</translation>
    </message>
    <message>
        <source>Already in the directory for this community and channel</source>
        <translation>该小区该渠道的人员名录中已有此人</translation>
    </message>
    <message>
        <source>No such person in the staff directory</source>
        <translation>人员名录中没有此人</translation>
    </message>
    <message>
        <source>Somebody else changed {name} first. It has been reloaded; please make your change again.</source>
        <translation>{name} 已被别人先修改。已重新读取，请再改一次。</translation>
    </message>
    <message>
        <source>No longer in the staff directory: pick somebody else or type a name</source>
        <translation>此人已不在人员名录中：请另选他人或直接输入姓名</translation>
    </message>
    <message>
        <source>{name} works in another community</source>
        <translation>{name} 负责另一个小区</translation>
    </message>
    <message>
        <source>{name} works for another channel</source>
        <translation>{name} 属于另一个渠道</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Database files lost</source>
        <translation>数据库文件已丢失</translation>
    </message>
    <message>
        <source>Database unavailable</source>
        <translation>数据库不可用</translation>
    </message>
    <message>
        <source>Cannot do this</source>
        <translation>无法执行此操作</translation>
    </message>
</context>
<context>
    <name>overview</name>
    <message>
        <source>Whole company</source>
        <translation>全公司</translation>
    </message>
    <message>
        <source>against {period}</source>
        <translation>对比 {period}</translation>
    </message>
    <message>
        <source>before</source>
        <translation>上期</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Week {week} of {year} ({first} to {last})</source>
        <translation>{year}年第{week}周（{first}至{last}）</translation>
    </message>
    <message>
        <source>{month}/{year}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>Q{quarter} {year}</source>
        <translation>{year}年第{quarter}季度</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
    <message>
        <source>Not a period: {text}. Write 2026-11 (a month), 2026Q3 (a quarter), 2026-W47 (a week), 2026 (a year) or 2026-11-01..2026-11-15 (days, both included)</source>
        <translation>不是有效的期间：{text}。请写 2026-11（月）、2026Q3（季度）、2026-W47（周）、2026（年）或 2026-11-01..2026-11-15（起止日，含两端）</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>{n} %</source>
        <translation>{n}%</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>持平</translation>
    </message>
    <message>
        <source>{n} points</source>
        <translation>{n} 个百分点</translation>
    </message>
    <message>
        <source>{period} (so far)</source>
        <translation>{period}（截至目前）</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>首日</translation>
    </message>
    <message>
        <source>Last day (included)</source>
        <translation>末日（含）</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Trend by day</source>
        <translation>按日趋势</translation>
    </message>
    <message>
        <source>Trend by week (weeks start on the day shown)</source>
        <translation>按周趋势（每周自所示日期起）</translation>
    </message>
    <message>
        <source>Trend by month</source>
        <translation>按月趋势</translation>
    </message>
    <message>
        <source>Reported {first} to {last}</source>
        <translation>{first}至{last}报修</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时率</translation>
    </message>
    <message>
        <source>Completed on time: {rate} ({hits} of {count})</source>
        <translation>按时完成：{rate}（{count} 单中 {hits} 单）</translation>
    </message>
    <message>
        <source>Click to list them.</source>
        <translation>点击列出这些工单。</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Completed on time by community</source>
        <translation>各小区按时完成率</translation>
    </message>
    <message>
        <source>{community}: orders judged on time or late</source>
        <translation>{community}：已判定按时或超时的工单</translation>
    </message>
    <message>
        <source>{community}: {hits} of {count} completed on time</source>
        <translation>{community}：{count} 单中 {hits} 单按时完成</translation>
    </message>
    <message>
        <source>Orders reported</source>
        <translation>报修工单数</translation>
    </message>
    <message>
        <source>Orders reported in the period (by the local day they were reported), cancelled ones included.</source>
        <translation>本期（按报修当日，北京时间）报修的工单，含已取消的。</translation>
    </message>
    <message>
        <source>Responded on time</source>
        <translation>及时响应率</translation>
    </message>
    <message>
        <source>Of the orders reported in the period whose response is due or done, the share responded to (first dispatch or start; for promised orders the commitment letter) by the response deadline. Paused time is left out as the deadlines leave it out; cancelled orders are not counted; a reopened order is judged by its latest round.</source>
        <translation>本期报修、响应已到期或已响应的工单中，在响应时限内响应（首次派单或开工；承诺修为出具承诺书）的比例。暂停时间按时限规则扣除；已取消的不计；返修工单按最近一轮计。</translation>
    </message>
    <message>
        <source>Completed on time</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <source>Of the orders reported in the period whose completion is due or done, the share completed by the completion deadline. Paused time is left out; cancelled orders are not counted; a reopened order is judged by its latest round.</source>
        <translation>本期报修、办结已到期或已办结的工单中，在办结时限内办结的比例。暂停时间扣除；已取消的不计；返修工单按最近一轮计。</translation>
    </message>
    <message>
        <source>Average response time</source>
        <translation>平均响应时长</translation>
    </message>
    <message>
        <source>Minutes from the report to the response, on the deadline&apos;s clock (paused time and, for working-time rules, time off left out), averaged over the orders reported in the period that have been responded to, cancelled ones left out.</source>
        <translation>从报修到响应的时长，按时限的计时方式（不计暂停时间；按工作时间计的规则不计非工作时间），对本期报修且已响应的工单取平均，不含已取消的工单。</translation>
    </message>
    <message>
        <source>Response time, 90th percentile</source>
        <translation>响应时长（90%分位）</translation>
    </message>
    <message>
        <source>Nine in ten of the responded orders reported in the period were responded to within this many minutes (the clock as for the average).</source>
        <translation>本期报修且已响应的工单中，九成在此分钟数内响应（计时方式同平均值）。</translation>
    </message>
    <message>
        <source>Average completion time</source>
        <translation>平均办结时长</translation>
    </message>
    <message>
        <source>Minutes from the report to the completion, on the deadline&apos;s clock (paused time left out), averaged over the completed orders reported in the period, cancelled ones left out.</source>
        <translation>从报修到办结的分钟数，按时限的计时方式（扣除暂停），取本期报修且已办结工单的平均值，不含已取消的。</translation>
    </message>
    <message>
        <source>Completion time, 90th percentile</source>
        <translation>办结时长（90%分位）</translation>
    </message>
    <message>
        <source>Nine in ten of the completed orders reported in the period were completed within this many minutes (the clock as for the average).</source>
        <translation>本期报修且已办结的工单中，九成在此分钟数内办结（计时方式同平均值）。</translation>
    </message>
    <message>
        <source>Commitment letters within 48 h</source>
        <translation>48小时内出具承诺书</translation>
    </message>
    <message>
        <source>Of the promised-tier orders reported in the period whose letter is issued or due, the share whose commitment letter was issued within 48 hours of the report (paused time left out, as the deadline counts it). Cancelled orders are not counted.</source>
        <translation>本期报修、承诺书已出具或已到期的承诺修工单中，在报修后48小时内出具承诺书的比例（与时限一样不计暂停时间）。已取消的工单不计。</translation>
    </message>
    <message>
        <source>Callback coverage</source>
        <translation>回访率</translation>
    </message>
    <message>
        <source>Of the orders completed in the period (whenever reported), the share the owner was called back about, as on the Callbacks tab.</source>
        <translation>本期办结的工单（不论何时报修）中，已回访业主的比例，与回访页一致。</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>Of the callbacks made in the period, the share satisfied or basically satisfied, as on the Callbacks tab. The list shows the orders called back.</source>
        <translation>本期回访中满意或基本满意的比例，与回访页一致。列表显示被回访的工单。</translation>
    </message>
    <message>
        <source>Reopened orders</source>
        <translation>返修工单</translation>
    </message>
    <message>
        <source>Orders reported in the period that were reopened after an owner was dissatisfied.</source>
        <translation>本期报修的工单中，因业主不满意而重新处理的工单数。</translation>
    </message>
    <message>
        <source>First-time fix rate</source>
        <translation>一次修复率</translation>
    </message>
    <message>
        <source>Of the orders reported in the period that have been completed at least once, the share never reopened (一次修复率).</source>
        <translation>本期报修且至少完成过一次的工单中，从未重新打开的比例（一次修复率）。</translation>
    </message>
    <message>
        <source>Regulator reply rate</source>
        <translation>监管平台回复率</translation>
    </message>
    <message>
        <source>Of the regulator&apos;s tickets received in the period, the share first replied to by their reply deadline (a day after arrival when the platform sets none). A ticket unanswered and still inside its deadline is not counted yet. Target: 80 %.</source>
        <translation>本期收到的监管平台工单中，在回复时限内首次回复的比例（平台未设时限的，为收到后一天）。尚未回复且仍在时限内的工单暂不计入。目标：80%。</translation>
    </message>
    <message>
        <source>Supervision notices answered in time</source>
        <translation>督办按时办结率</translation>
    </message>
    <message>
        <source>Of the regulator&apos;s supervision notices (督办) issued in the period, the share whose order was completed, closed or cancelled by the notice&apos;s deadline. A notice still inside its deadline is not counted yet.</source>
        <translation>本期下发的督办通知中，其工单在督办期限前完成、关闭或取消的比例。仍在期限内的督办暂不计入。</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>当前超时</translation>
    </message>
    <message>
        <source>Open orders, not paused, past their completion deadline, or past their response deadline without a response: red in the work-order list.</source>
        <translation>未暂停的在办工单中，已过完成时限，或已过响应时限仍未响应的：即工单列表中的红色行。</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Open orders, not paused, whose completion deadline comes within the company&apos;s due-soon warning time: amber in the work-order list.</source>
        <translation>未暂停的在办工单中，办结时限在公司设定的预警时间内到来的：工单列表中标黄。</translation>
    </message>
    <message>
        <source>Callbacks due</source>
        <translation>待回访（今日到期）</translation>
    </message>
    <message>
        <source>Completed orders waiting for their callback whose callback is due by the end of today.</source>
        <translation>已办结待回访、回访时限在今天结束前到期的工单。</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>By tier</source>
        <translation>按分级</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>按责任渠道</translation>
    </message>
    <message>
        <source>By source</source>
        <translation>按来源</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>按状态</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Callbacks and the regulator</source>
        <translation>回访与监管</translation>
    </message>
    <message>
        <source>{title} · {tier}</source>
        <translation>{title} · {tier}</translation>
    </message>
    <message>
        <source>Before: {value}</source>
        <translation>上期：{value}</translation>
    </message>
    <message>
        <source>Target: {value}</source>
        <translation>目标：{value}</translation>
    </message>
    <message>
        <source>{hits} of {count}</source>
        <translation>{hits}/{count}</translation>
    </message>
    <message>
        <source>Click to list the orders it counts.</source>
        <translation>点击列出计入此指标的工单。</translation>
    </message>
    <message>
        <source>{figure}: those that met it</source>
        <translation>{figure}：达标的工单</translation>
    </message>
    <message>
        <source>{figure}: those that did not meet it</source>
        <translation>{figure}：未达标的工单</translation>
    </message>
    <message>
        <source>List the orders it counts</source>
        <translation>列出计入的工单</translation>
    </message>
    <message>
        <source>List the orders that met it</source>
        <translation>列出达标的工单</translation>
    </message>
    <message>
        <source>List the orders that did not meet it</source>
        <translation>列出未达标的工单</translation>
    </message>
</context>
<context>
    <name>tabs</name>
    <message>
        <source>Regulator</source>
        <translation>监管平台</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>Signage</source>
        <translation>公示牌</translation>
    </message>
    <message>
        <source>Public income</source>
        <translation>公共收益</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>基础信息</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
</context>
</TS>
