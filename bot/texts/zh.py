"""简体中文。Values are HTML (parse mode HTML), with the same keys and placeholders as `en`."""

from __future__ import annotations

from bot.texts.forms import Entry, Plural

PLATFORM_LIST = (
    "抖音 douyin、小红书 xhs、快手、视频号 channels、B站 bilibili、微博、头条、tiktok、youtube (yt)、"
    "instagram (ig)、x (twitter)、facebook、threads、linkedin、其他 other"
)

MESSAGES: dict[str, Entry] = {
    # --- help and menus
    "help.text": (
        "<b>Postpact</b> 帮你坚持发布：每天记录你能掌控的（发了几条、发了几天），"
        "算法决定的数字只偶尔看一看。\n\n"
        "<b>记录</b>\n"
        "/post 小红书 https://… #美食 — 记录一条发布（不带参数：选平台）\n"
        "/post 昨天 抖音 标题 — 补记昨天的发布\n"
        "/undo — 撤销最近一条\n"
        "/followers 小红书 1200 — 记录粉丝数\n"
        "/metrics last 收藏=12 点赞=80 — 记录一条作品的数据\n\n"
        "<b>回顾</b>\n"
        "/today — 今天记录了什么\n"
        "/streak — 当前和最长连续天数\n"
        "/progress — 本周和本月进度\n\n"
        "<b>我的设置</b>\n"
        "/start 或 /settings — 个人资料和修改按钮\n"
        "/lang en|zh · /timezone Asia/Shanghai · /daystart 03:00\n"
        "/niche 一句话定位 #标签 · /handle 小红书 @我的账号\n"
        "/cancel — 不回答我刚才的问题\n"
        "/help — 本列表"
    ),
    "help.pointer": "我只看命令。发送 /help 查看全部命令，或用 /post 记录一条发布。",
    "help.unknown_command": "我不认识这个命令。/help 里有全部命令。",
    "help.group_not_yet": "群组功能即将上线。现在请私聊我：@{bot}",
    "menu.post": "记录一条发布",
    "menu.today": "今天记录了什么",
    "menu.streak": "连续发布天数",
    "menu.progress": "本周和本月进度",
    "menu.followers": "记录粉丝数",
    "menu.metrics": "记录作品的收藏、点赞、播放",
    "menu.undo": "撤销最近一条发布",
    "menu.settings": "个人资料和设置",
    "menu.help": "全部命令",
    # --- usage
    "usage.heading": "<b>用法</b>",
    "usage.post": (
        "<code>/post &lt;平台&gt; [链接或标题] [#标签 …]</code>\n"
        "例如 <code>/post 小红书 https://xhslink.com/abc #穿搭</code>\n"
        "<code>/post 昨天 抖音 秋日穿搭</code> 补记昨天的发布。\n"
        "平台：" + PLATFORM_LIST
    ),
    "usage.undo": "<code>/undo</code> — 确认后撤销最近一条发布（24 小时内）。",
    "usage.followers": (
        "<code>/followers &lt;平台&gt; &lt;粉丝数&gt;</code>\n"
        "例如 <code>/followers 小红书 1200</code> 或 <code>/followers 抖音 1.2万</code>"
    ),
    "usage.metrics": (
        "<code>/metrics &lt;作品编号 | last&gt; 收藏=N 点赞=N 播放=N 评论=N 分享=N</code>\n"
        "任选几项，例如 <code>/metrics last 收藏=7</code> 或 <code>/metrics 12 播放=3.4k 点赞=210</code>"
    ),
    "usage.lang": "<code>/lang zh</code> 或 <code>/lang en</code>",
    "usage.timezone": (
        "<code>/timezone Asia/Shanghai</code>、<code>/timezone UTC+8</code> 或城市名："
        "<code>/timezone 北京</code>"
    ),
    "usage.niche": (
        "<code>/niche &lt;一句话定位&gt; #标签 …</code>（最多 5 个标签）\n"
        "例如 <code>/niche 给学生的省钱家常菜 #食谱 #省钱</code>"
    ),
    "usage.handle": (
        "<code>/handle &lt;平台&gt; &lt;@账号或主页链接&gt;</code>\n"
        "例如 <code>/handle 小红书 @maya</code>；<code>/handle 小红书 -</code> 删除"
    ),
    "usage.daystart": (
        "<code>/daystart HH:MM</code>，00:00 到 04:00 之间。这个时间之前的发布算作前一天，"
        "例如 <code>/daystart 03:00</code>"
    ),
    # --- input errors
    "error.unknown_platform": "我不认识平台“{given}”。可用的平台：" + PLATFORM_LIST,
    "error.tag_too_long": "#标签最多 {limit} 个字符。",
    "error.post_missing_platform": "哪个平台？请把平台放在最前面。",
    "error.post_two_links": "一条发布只能有一个链接。",
    "error.link_too_long": "链接超过了 {limit} 个字符。",
    "error.too_many_tags": "每条发布最多 {limit} 个 #标签。",
    "error.title_too_long": "标题最多 {limit} 个字符。",
    "error.count_negative": "数量不能是负数。",
    "error.count_not_number": "“{given}”不是我能识别的数量。试试 1200、1,200、1.2k 或 1.2万。",
    "error.count_too_large": "这个数字太大了（上限 {limit}）。",
    "error.followers_shape": "需要一个平台和一个粉丝数。",
    "error.post_ref": "“{given}”不是作品编号。请用编号（见 /today）或 <code>last</code>。",
    "error.metrics_missing": "哪条作品？哪些数据？",
    "error.metrics_pair": "“{given}”应该写成 <code>收藏=12</code> 这样。",
    "error.metrics_unknown": "我不记录“{given}”。可以记录：收藏、点赞、播放、评论、分享。",
    "error.metrics_repeated": "{given} 写了两次。",
    "error.time_shape": "“{given}”不是时间。请用 HH:MM，例如 20:00。",
    "error.daystart_range": "一天的开始时间可以设在 00:00 到 04:00 之间。",
    "error.niche_missing": "用一句话说说你的定位，可以加 #标签。",
    "error.niche_too_long": "定位请控制在一句话：最多 {limit} 个字符。",
    "error.niche_too_many_tags": "定位最多 {limit} 个 #标签，选最重要的。",
    "error.handle_shape": "这个账号格式不对。请用 @名字（字母、数字、. _ -）或主页链接。",
    "error.handle_missing": "需要一个平台和一个账号。",
    "error.lang": "我会说中文（zh）和英文（en）。",
    "error.timezone": (
        "我不认识时区“{given}”。试试 Asia/Shanghai 这样的名称、UTC+8 这样的偏移，或城市名。"
    ),
    "error.button_expired": "这个按钮已过期，请重新发送命令。",
    "error.unexpected": "抱歉，我这边出了点问题，请稍后再试。",
    "error.unexpected_short": "抱歉，出了点问题，请再试一次。",
    # --- posts
    "post.title_quoted": "《{title}》",
    "post.tags": " {tags}",
    "post.today_count": Plural("今天第 {count} 条", "今天第 {count} 条"),
    "post.logged": "✅ 已记录 {label}{tags}\n{today} · 连续 {streak}\n{month}",
    "post.logged_yesterday": "✅ 已补记到昨天：{label}{tags}\n连续 {streak}\n{month}",
    "post.month_progress": "本月：{done}/{target} 天 {bar}",
    "post.pick_platform": "发在哪个平台？",
    "post.pick_platform_yesterday": "昨天发在哪个平台？",
    "post.picker_used": "已经记录过了。再发一条请重新发送 /post。",
    "post.duplicate": "这个链接已经记录过了，是第 {number} 条。",
    "streak.days": Plural("{count} 天", "{count} 天"),
    # --- undo
    "undo.confirm": "撤销 {label}？",
    "undo.done": "已撤销 {label}。连续：{streak}。",
    "undo.nothing": "最近 24 小时内没有可以撤销的发布。",
    "undo.stale": "这已经不是你最近的一条了。请重新发送 /undo。",
    "undo.kept": "已保留。",
    # --- followers
    "followers.recorded": "📈 {platform}：{count} 粉丝",
    "followers.first": "这是这里的第一次记录，下次就能看到变化。",
    "followers.since_previous": "比上次（{date}）{change}",
    "followers.since_first": "比第一次（{date}）{change}",
    "followers.total": "全部平台：{total}（比各平台第一次记录 {change}）",
    # --- metrics
    "metrics.recorded": "📊 {label}",
    "metrics.hit": "🎉 <b>爆款！</b>{saves} 人收藏了它（你的爆款标准是 {threshold}）。想想哪里做对了，再来一次。",
    "metrics.still_hit": "依然是爆款 🎯",
    "metrics.to_hit": Plural(
        "再有 {count} 个收藏就是爆款（{threshold}）。",
        "再有 {count} 个收藏就是爆款（{threshold}）。",
    ),
    "metrics.no_posts": "你还没有记录过发布。先用 /post。",
    "metrics.no_post": "你没有第 {number} 条发布。/today 可以看到今天的编号。",
    "metric.saves": "收藏 {value}",
    "metric.likes": "点赞 {value}",
    "metric.views": "播放 {value}",
    "metric.comments": "评论 {value}",
    "metric.shares": "分享 {value}",
    # --- today, streak, progress
    "today.heading": "<b>今天 {date}</b>",
    "today.nothing": "今天还没有记录。发一条就能保持连续：/post",
    "today.count": Plural("{count} 条：", "{count} 条："),
    "today.more": "……还有 {count} 条",
    "today.streak": "连续：{streak}",
    "streak.current": "🔥 当前连续：{streak}",
    "streak.best": "🏆 最长连续：{streak}",
    "streak.alive_today": "今天完成了，明天见。",
    "streak.keep_alive": "今天发一条就能继续：/post",
    "streak.start": "每一段连续都从第一天开始。/post",
    "progress.week": "本周（{start} – {end}）",
    "progress.month": "本月（{start} – {end}）",
    "progress.block": (
        "<b>{heading}</b>\n"
        "发布天数：{days}/{target} {bar}\n"
        "发布：{posts} 条 · 爆款：{hits}\n"
        "粉丝：{growth}"
    ),
    "progress.no_follower_data": "还没有记录（/followers）",
    "progress.streaks": "🔥 连续 {current} · 最长 {best}",
    # --- onboarding and profile
    "onboarding.welcome": (
        "👋 欢迎使用 <b>Postpact</b>。一个月每天发布，一条作品被 5 人收藏，涨到 100 粉——"
        "每天做好能掌控的事。\n"
        "几个简单的问题，都可以跳过，之后在 /settings 修改。"
    ),
    "onboarding.done": "设置完成。用 /post 记录第一条发布吧——/help 里有全部命令。",
    "ask.lang": "使用哪种语言？",
    "ask.tz": "你的时区？当前：{current}。选一个，或输入城市或偏移。",
    "ask.nudge": "如果当天还没发布，几点提醒你？当前：{current}",
    "ask.daystart": "你的一天从几点开始？这个时间之前的发布算作前一天。当前：{current}",
    "ask.platforms": "你在哪些平台发布？全部点选后按“完成”。",
    "ask.handles": "你的账号（可选，以后互关用）。点一个平台添加。",
    "ask.handles_none": "还没有选择平台，所以不用添加账号。",
    "ask.retry": "再试一次，或发送 /cancel。",
    "ask.tz_type": "输入你的时区：Asia/Shanghai 这样的名称、UTC+8 这样的偏移，或城市名。",
    "ask.nudge_type": "输入时间，例如 19:30。",
    "ask.niche_type": (
        "用一句话说说你的定位，可加最多 5 个 #标签。当前：{current}\n例如：给学生的省钱家常菜 #食谱 #省钱"
    ),
    "ask.handle_type": "你的{platform}账号（@名字）或主页链接：",
    "profile.view": (
        "<b>我的资料</b>\n"
        "语言：{language}\n"
        "时区：{zone}（{offset}）\n"
        "提醒：{nudge}\n"
        "一天开始：{daystart}\n"
        "定位：{niche}\n"
        "平台：{platforms}"
    ),
    "profile.unset": "未设置",
    "lang.name_en": "English",
    "lang.name_zh": "中文",
    "lang.set": "好的，我会说中文。",
    "timezone.set": "时区：{zone}（{offset}）。你现在的当地时间：{local}。",
    "daystart.set": "你的一天现在从 {time} 开始。",
    "niche.set": "定位：{niche}",
    "handle.set": "{platform}：{handle}",
    "handle.removed": "已删除你的{platform}账号。",
    "saved": "已保存。",
    "cancel.done": "好的，没有待回答的问题了。",
    # --- buttons
    "btn.skip": "跳过 ⏭",
    "btn.back": "« 返回",
    "btn.done": "完成 ✅",
    "btn.add": "添加",
    "btn.type_other": "输入其他…",
    "btn.undo_yes": "确定撤销",
    "btn.undo_no": "保留",
    "btn.edit_lang": "语言",
    "btn.edit_tz": "时区",
    "btn.edit_nudge": "提醒时间",
    "btn.edit_daystart": "一天开始",
    "btn.edit_niche": "定位",
    "btn.edit_platforms": "平台",
    "btn.edit_handles": "账号",
}
