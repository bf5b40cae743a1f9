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
        "…也可以直接把作品链接或 App 的分享文字发给我\n"
        "/undo — 撤销最近一条\n"
        "/followers 小红书 1200 — 记录粉丝数\n"
        "/metrics last 收藏=12 点赞=80 — 记录一条作品的数据\n\n"
        "<b>回顾</b>\n"
        "/today — 今天记录了什么\n"
        "/streak — 当前和最长连续天数\n"
        "/progress — 本周和本月进度\n"
        "/review — 本月复盘 · /review last — 上个月\n"
        "/card — 本月成绩图，可直接分享\n\n"
        "<b>计划</b>\n"
        "/plan — 三个月计划：每天发布、出一个爆款、涨到 100 粉\n"
        "/goals — 我的目标（每周天数、爆款收藏数、粉丝、休息日）\n"
        "/rest — 今天休息（不断连续）\n\n"
        "<b>提醒</b>\n"
        "/nudge 20:30 · /nudge off · /nudge lastcall on · /nudge followups off\n"
        "/quiet 23:00-08:00 · /pause 7 · /resume\n"
        "/news off — 不接收机器人主人的公告\n\n"
        "<b>群组</b>\n"
        "把我拉进群，在群里发 /join：一起打卡、每日日报、排行榜。\n"
        "/share — 群里能看到你的什么（连续天数、发布、粉丝、账号）\n\n"
        "<b>洞察和你的数据</b>\n"
        "/insights — 什么带来粉丝、爆款率、最佳时间、习惯强度\n"
        "/chart followers · /chart calendar — 图表\n"
        "/export — 下载全部数据 · /forget — 全部删除\n\n"
        "<b>我的设置</b>\n"
        "/start 或 /settings — 个人资料和修改按钮\n"
        "/lang en|zh · /timezone Asia/Shanghai · /daystart 03:00\n"
        "/niche 一句话定位 #标签 · /handle 小红书 @我的账号\n"
        "/cancel — 不回答我刚才的问题\n"
        "/help — 本列表"
    ),
    "help.pointer": "我只看命令。发送 /help 查看全部命令，或用 /post 记录一条发布。",
    "help.unknown_command": "我不认识这个命令。/help 里有全部命令。",
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
        "也可以粘贴 App 的分享文字：<code>/post https://v.douyin.com/abc/</code>"
        "（平台从链接看出），或者直接发给我。\n"
        "平台：" + PLATFORM_LIST
    ),
    "usage.undo": "<code>/undo</code> — 确认后撤销最近一条记录（发布、粉丝数、数据或休息日，24 小时内）。",
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
    "error.link_platform_unknown": (
        "看不出这个链接是哪个平台的。请把平台放在最前面：<code>/post 抖音 &lt;链接&gt;</code>"
    ),
    "error.count_negative": "数量不能是负数。",
    "error.count_not_number": "“{given}”不是我能识别的数量。试试 1200、1,200、1.2k 或 1.2万。",
    "error.count_too_large": "这个数字太大了（上限 {limit}）。",
    "error.followers_shape": "需要一个平台和一个粉丝数。",
    "error.followers_missing_count": "缺少粉丝数：{given} 上有多少粉丝？",
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
    "error.already_done": "已经完成了。",
    "error.unexpected": "抱歉，我这边出了点问题，请稍后再试。",
    "error.unexpected_short": "抱歉，出了点问题，请再试一次。",
    # --- 每人的上限：礼貌地停一下，并说明何时再试
    "limit.slow_down": Plural(
        "⏳ 一下子太多啦。{count} 秒后我再接收你的下一条，在那之前我先不回复。",
        "⏳ 一下子太多啦。{count} 秒后我再接收你的下一条，在那之前我先不回复。",
    ),
    "limit.slow_down_short": "⏳ 太快啦，请稍后再试。",
    "limit.posts_per_day": Plural(
        "今天已经记录了 {limit} 条，这是一天的上限：这一条没有记录。"
        "等你的下一天开始（你当地时间 {day_start}）就可以继续记录。",
        "今天已经记录了 {limit} 条，这是一天的上限：这一条没有记录。"
        "等你的下一天开始（你当地时间 {day_start}）就可以继续记录。",
    ),
    "limit.counts_per_day": Plural(
        "今天已经记了 {limit} 次粉丝数，这是一天的上限：这一次没有保存。"
        "等你的下一天开始（你当地时间 {day_start}）再试。",
        "今天已经记了 {limit} 次粉丝数，这是一天的上限：这一次没有保存。"
        "等你的下一天开始（你当地时间 {day_start}）再试。",
    ),
    # --- posts
    "post.title_quoted": "《{title}》",
    "post.tags": " {tags}",
    "post.today_count": Plural("今天第 {count} 条", "今天第 {count} 条"),
    "post.logged": "✅ 已记录 {label}{tags}\n{today} · 连续 {streak}\n{month}",
    "post.logged_yesterday": "✅ 已补记到昨天：{label}{tags}\n连续 {streak}\n{month}",
    "post.title_shortened": "✂️ 文案超过 {limit} 个字符：标题只保留了前 {limit} 个字符。",
    "post.month_progress": "本月（{month}）：{done}/{target} 天 {bar}",
    "post.program_month_progress": "计划第 {month} 个月：{done}/{target} 天 {bar}",
    "post.pick_platform": "发在哪个平台？",
    "post.pick_platform_yesterday": "昨天发在哪个平台？",
    "post.picker_used": "已经记录过了。再发一条请重新发送 /post。",
    "post.duplicate": "这个链接已经记录过了，是第 {number} 条。",
    "post.corrected": "✏️ 已更正 {label}{tags}",
    "post.edit_platform": "编辑只能修改帖子的链接、标题和标签，不能改平台。",
    "post.edit_unchanged": "第 {number} 条没有改动。",
    "post.share_ask": "记录为今天的{platform}发布吗？\n{what}",
    "post.share_declined": "好的，没有记录。",
    "post.share_already": "已经记录过了，是第 {number} 条。",
    "post.share_declined_before": "这条你选了“不记录”。要记录的话，请重新发送链接。",
    "post.share_too_old": "这是 {date} 分享的：只能记录今天或昨天的发布。请用 /post。",
    "streak.days": Plural("{count} 天", "{count} 天"),
    # Counted nouns, for messages that show several counts at once (`number` is the count shown).
    "counted.days": Plural("{number} 天", "{number} 天"),
    "counted.posts": Plural("{number} 条", "{number} 条"),
    "counted.saves": Plural("{number} 收藏", "{number} 收藏"),
    "counted.followers": Plural("粉丝 {number}", "粉丝 {number}"),
    "counted.members": Plural("{number} 人", "{number} 人"),
    "counted.member_days": Plural("{number} 人·天", "{number} 人·天"),
    # --- undo
    "undo.what_post": "作品 {label}",
    "undo.what_followers": "粉丝数 {platform} {count}",
    "undo.what_metrics": "{label} 的数据（{numbers}）",
    "undo.what_rest": "休息日 {date}",
    "undo.confirm": "撤销 {time} 记录的{what}？",
    "undo.done": "已撤销{what}。",
    "undo.done_streak": "已撤销{what}。连续：{streak}。",
    "undo.nothing": "最近 24 小时内没有可以撤销的记录。",
    "undo.stale": "这个按钮已过时：之后你又记录了新内容。请重新发送 /undo。",
    "undo.already": "已经撤销过了。",
    "undo.kept": "已保留。",
    # --- followers
    "followers.recorded": "📈 {platform}：{number} 粉丝",
    "followers.first": "这是这里的第一次记录，下次就能看到变化。",
    "followers.replaced": "已替换今天早些时候的记录（{count}）。",
    "followers.jump_up": "确定吗？{platform} 一下子从 {previous} 涨到 {count}（{change}）。",
    "followers.jump_down": "确定吗？{platform} 一下子从 {previous} 降到 {count}（{change}）。",
    "followers.not_stored": "没有保存。",
    "followers.already": "已经处理过了。",
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
    "ask.nudge": "如果当天还没发布，几点提醒你？当前：{current}。选一个，或直接输入时间，例如 19:30。",
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
    "btn.share_today": "记录",
    "btn.share_yesterday": "算昨天",
    "btn.share_no": "不记录",
    "btn.undo_yes": "确定撤销",
    "btn.undo_no": "保留",
    "btn.count_store": "保存 {count}",
    "btn.count_meant": "应该是 {count}",
    "btn.count_cancel": "取消",
    "btn.edit_lang": "语言",
    "btn.edit_tz": "时区",
    "btn.edit_nudge": "提醒时间",
    "btn.edit_daystart": "一天开始",
    "btn.edit_niche": "定位",
    "btn.edit_platforms": "平台",
    "btn.edit_handles": "账号",
    # --- coaching: the program, goals, reviews
    "menu.plan": "三个月计划",
    "menu.goals": "我的目标",
    "menu.review": "本月复盘",
    "menu.card": "本月成绩图，可直接分享",
    "menu.nudge": "提醒设置",
    "menu.rest": "今天休息",
    "usage.plan": (
        "<code>/plan</code> — 从今天开始三个月计划，或查看进度\n"
        "<code>/plan start 2026-03-01</code> — 从指定日期开始\n"
        "<code>/plan stop</code> — 结束计划"
    ),
    "usage.goals": (
        "<code>/goals days 5</code> — 每周发布天数（1–7）\n"
        "<code>/goals hit 10</code> — 收藏达到多少算爆款\n"
        "<code>/goals followers +150</code> — 计划期间要涨的粉丝数（默认 +100）；"
        "<code>/goals followers 5000</code> — 改为要达到的粉丝总数；"
        "加上 <code>小红书</code> 只算一个平台\n"
        "<code>/goals rest 1</code> — 每周可休息天数，不断连续（0–6；发布天数 + 休息天数 = 7）"
    ),
    "usage.review": "<code>/review</code> — 本月到目前为止 · <code>/review last</code> — 上个月",
    "usage.card": "<code>/card</code> — 本月到目前为止的成绩图，可直接分享（后面不用加内容）",
    "usage.nudge": (
        "<code>/nudge 20:30</code> — 没发布时在这个时间提醒我\n"
        "<code>/nudge off</code> · <code>/nudge on</code>\n"
        "<code>/nudge lastcall on</code> — 一天结束前 90 分钟再提醒一次\n"
        "<code>/nudge followups off</code> — 不再询问作品数据"
    ),
    "usage.quiet": "<code>/quiet 23:00-08:00</code> — 这段时间不打扰 · <code>/quiet off</code>",
    "usage.pause": "<code>/pause 7</code> — 暂停提醒 7 天（最多 90 天）· <code>/resume</code> 提前恢复",
    "usage.news": "<code>/news off</code> — 不接收机器人主人的公告 · <code>/news on</code>",
    "error.news_shape": "请说 on 或 off，例如 <code>/news off</code>。",
    "news.on": "📣 已开启公告：机器人主人偶尔发布的消息会发给你。",
    "news.off": "🔕 已关闭公告：不再收到机器人主人的消息。<code>/news on</code> 可重新开启。",
    "news.status": "📣 机器人主人的公告：{state}。<code>/news off</code> · <code>/news on</code>",
    # --- the owner's commands (OWNER_IDS only)
    "usage.admin": (
        "<code>/admin stats</code> — 机器人的数据\n"
        "<code>/admin announce 公告内容</code> — 先预览，再发给所有愿意接收公告的人\n"
        "<code>/admin user 123456789</code> · <code>/admin user @name</code> — 查看一位用户（客服用）"
    ),
    "error.admin_missing": "想查看或做什么？",
    "error.admin_unknown": "“{given}”不是 /admin 的命令。",
    "error.admin_user_missing": "哪位用户？请给出 id 或 @用户名。",
    "error.admin_user_shape": "“{given}”不是用户 id（正整数），也不是 @用户名。",
    "error.announce_missing": "公告要说什么？",
    "admin.user_not_found": "没有用户 {who} 和这个机器人说过话。",
    "admin.stats": (
        "<b>Postpact {version}</b> · 已运行 {uptime}\n"
        "用户：{users} · 今日活跃 {active_today} · 本周 {active_week}\n"
        "群组：{rooms}\n"
        "今日发布：{posts_today}\n"
        "今日消息：已发送 {sent_today} · 失败 {failed_today} · 排队 {queued}\n"
        "数据库：{size}\n"
        "<i>“今日”按 UTC 计算。</i>"
    ),
    "admin.user": (
        "<b>用户 {user_id}</b> {username}\n"
        "语言 {language} · 时区 {timezone} · 加入于 {joined}\n"
        "计划：{program}\n"
        "发布 {posts} · 粉丝记录 {counts} · 群组 {rooms}\n"
        "已屏蔽机器人：{blocked} · 私聊：{private}\n"
        "公告：{news} · 提醒：{nudges}"
    ),
    "admin.program": "第 {cycle} 轮，{start} 至 {end}",
    "admin.no_program": "未进行",
    "admin.yes": "是",
    "admin.no": "否",
    "admin.on": "开",
    "admin.off": "关",
    "announce.message": "{text}\n\n<i>📣 来自机器人主人 · 发送 /news off 不再接收</i>",
    "announce.preview": Plural(
        "👀 预览：点“发送”后，这条消息会发给 {count} 位用户（所有愿意接收公告的人）。",
        "👀 预览：点“发送”后，这条消息会发给 {count} 位用户（所有愿意接收公告的人）。",
    ),
    "announce.send_button": Plural("发送给 {count} 位用户", "发送给 {count} 位用户"),
    "announce.cancel_button": "取消",
    "announce.cancelled": "已取消：什么都没有发送。",
    "announce.already_decided": "这条公告已经发送或取消了。",
    "announce.too_long": Plural(
        "公告必须放得进一条消息（上限 {limit}，含结尾说明）：请删掉 {count} 个字符。",
        "公告必须放得进一条消息（上限 {limit}，含结尾说明）：请删掉 {count} 个字符。",
    ),
    "announce.sending": Plural("📣 正在发给 {count} 位用户…", "📣 正在发给 {count} 位用户…"),
    "announce.progress": "📣 发送中…… {done} / {count}",
    "announce.finished": Plural(
        "📣 公告已完成（{at}）：送达 {sent} / {count} 位用户 · 失败 {failed} ·"
        " {blocked} 位已屏蔽机器人 · {skipped} 位期间关闭了公告",
        "📣 公告已完成（{at}）：送达 {sent} / {count} 位用户 · 失败 {failed} ·"
        " {blocked} 位已屏蔽机器人 · {skipped} 位期间关闭了公告",
    ),
    "error.plan_shape": "没看懂这个用法。",
    "error.plan_start_past": "计划最早只能从 {days} 天前开始。",
    "error.plan_start_future": "计划最晚只能从 {days} 天后开始。",
    "error.date_shape": "“{given}”不是日期。请用 YYYY-MM-DD，例如 2026-03-01。",
    "error.goal_missing": "要改哪个目标、改成多少？",
    "error.goal_unknown": "“{given}”不是目标。可用：days、hit、followers、rest。",
    "error.goal_missing_value": "要设成多少？",
    "error.goal_extra": "内容太多了，我用不上。",
    "error.goal_range": "这个目标要在 {low} 到 {high} 之间。",
    "error.review_shape": "没看懂这个用法。",
    "error.card_shape": "/card 后面不用加内容。",
    "error.switch": "“{given}”应该是 on 或 off。",
    "error.switch_missing": "请说 on 或 off，例如 <code>/nudge {what} on</code>。",
    "error.nudge_shape": "请给一个时间（HH:MM），或 on / off。",
    "error.quiet_missing": "哪段时间免打扰？",
    "error.quiet_shape": "“{given}”应该像 23:00-08:00 这样。",
    "error.quiet_empty": "免打扰的开始和结束时间不能相同。",
    "error.pause_missing": "暂停几天？",
    "error.days_shape": "“{given}”不是天数。",
    "error.days_range": "请选 1 到 {maximum} 天。",
    "error.quick_metrics": "最多发三个数字（收藏 点赞 播放），或 收藏=12 这样的写法。",
    "plan.offer": (
        "🗓 <b>三个月计划</b>，每月一个目标：\n"
        "第 1 个月 — 养成习惯：在你的发布日发作品。\n"
        "第 2 个月 — 出一个爆款：一条大家愿意收藏的作品。\n"
        "第 3 个月 — 涨粉：更多粉丝。每个月结束都有一次复盘。\n"
        "点「开始」今天就开始，或用 <code>/plan start {example}</code> 选一天开始。"
    ),
    "btn.plan_start": "🚀 开始",
    "plan.started": "🚀 第 {cycle} 轮开始了，到 {end} 结束。",
    "plan.already_running": "你的计划已经在进行中（{start} 开始）。/plan 查看；/plan stop 结束。",
    "plan.none": "你还没有进行中的计划。/plan 从今天开始。",
    "plan.stop_confirm": "结束计划？发布和数据都会保留，只是不再有计划复盘。",
    "plan.stopped": "计划已结束。随时用 /plan 开始新的一轮。",
    "plan.kept": "好，计划继续。",
    "plan.stale": "这个按钮已过期。/plan 查看当前进度。",
    "plan.not_started": Plural(
        "你的计划 {start}（明天）开始。", "你的计划 {start} 开始，还有 {count} 天。"
    ),
    "plan.finished": "你的计划已于 {end} 结束。总结报告会在提醒时间发给你；/review last 现在就能看。",
    "plan.header": (
        "🗓 <b>第 {cycle} 轮 · 第 {month}/3 个月</b>\n"
        "目标：{goal}\n"
        "第 {day}/30 天 · {left} · {start} → {end}"
    ),
    "plan.days_left": Plural("还剩 {count} 天", "还剩 {count} 天"),
    "plan.progress_posting": "已发布天数：{done}/{target} {bar}",
    "plan.progress_hit": "本月爆款：{done}/{target} {bar}",
    "plan.progress_followers": "粉丝：{done}/{target} {bar}",
    "plan.progress_followers_gain": "已涨粉：{done}/{target} {bar}",
    "plan.followers_unmeasured": (
        "发送 <code>/followers &lt;平台&gt; &lt;粉丝数&gt;</code>，我才能算出你涨了多少粉。"
    ),
    "plan.best_saves": "本月最佳作品：{done}/{target} 收藏 {bar}",
    "plan.habit_posting": "习惯 — 本周发布：{done}/{target} 天 {bar}",
    "plan.habit_hits": Plural("习惯 — 本轮爆款：{count}", "习惯 — 本轮爆款：{count}"),
    "goal.posting": "{days} 天里发布 {target} 天",
    "goal.hit": "出一个爆款 — 一条作品被 {threshold} 人以上收藏",
    "goal.followers": "粉丝达到 {target}{where}",
    "goal.followers_gain": "计划期间涨粉 {target}{where}",
    "goal.total": "（合计）",
    "goal.on_platform": "（{platform}）",
    "goals.show": (
        "🎯 <b>我的目标</b>\n"
        "发布：每周 {days} 天（30 天里 {month_days} 天）\n"
        "爆款：一条作品被 {threshold} 人以上收藏\n"
        "粉丝：{followers}\n"
        "休息：每周 {rest}，不断连续"
    ),
    "goals.rest": Plural("{count} 天", "{count} 天"),
    "verdict.met": "✅ 达成",
    "verdict.not_met": "❌ 未达成",
    "verdict.open": "⏳ 进行中",
    "review.heading_program": "📅 <b>第 {month}/{months} 个月复盘</b>",
    "review.heading_calendar": "📅 <b>月度复盘</b>",
    "review.dates": "{start} → {end}",
    "review.so_far": "截至 {date}。",
    "review.goal": "目标：{goal} — {verdict}",
    "review.certain": "<b>你能掌控的</b>",
    "review.days": "• 发布天数：{done}/{target} {bar}",
    "review.posts": "• 发布条数：{posts} · 休息天数：{rest}",
    "review.niche": "• 垂直度：{share}% 的作品带有 {tags}",
    "review.niche_unset": "• 垂直度：用 /niche 给定位加上标签就能看到",
    "review.uncertain": "<b>算法决定的</b>",
    "review.followers": "• 粉丝：{changes}",
    "review.followers_none": "• 粉丝：还没有可比较的记录 — 用 /followers 记录",
    "review.hits": Plural("• 爆款：{count}", "• 爆款：{count}"),
    "review.best": "• 最佳作品：{label} — {saves} 收藏",
    "review.best_none": "• 最佳作品：还没有收藏数据 — /metrics last 收藏=N",
    "review.next_program": "<b>下个月：</b>{goal}。",
    "review.next_calendar": "<b>下个月：</b>{goal}。想要三个月计划：/plan",
    "report.heading": "🏁 <b>第 {cycle} 轮完成</b>",
    "report.month": "第 {month} 个月 · {goal}：{done}/{target} {verdict}",
    "report.totals": "90 天：发布 {days} · {posts} · {hits} 个爆款",
    "report.followers": "粉丝：{start} → {end}",
    "report.unknown": "?",
    "report.next": "<b>下一轮</b> — 达成的目标提高，没达成的再来一次：",
    "report.next_goal": "• {goal} — {change}",
    "report.kept": "保持",
    "report.raised": "提高",
    "report.again": "再来一次",
    "report.eased": "或者把没达成的目标调低：{goals}。",
    "report.and": "；",
    "report.ready": "准备好了吗？",
    "btn.next_cycle": "开始第 {cycle} 轮 🚀",
    "btn.ease_cycle": "调低没达成的目标",
    "btn.plan_stop": "结束",
    "btn.plan_keep": "继续",
    # --- reminders
    "word.on": "开",
    "word.off": "关",
    "remind.settings": (
        "⏰ <b>提醒</b>\n"
        "每日提醒：{nudge}\n"
        "最后提醒（一天结束前 90 分钟）：{last_call}\n"
        "作品数据追问：{followups}\n"
        "免打扰：{quiet}\n"
        "暂停：{paused}\n"
        "时间按 {zone}。"
    ),
    "remind.paused_until": "到 {date}",
    "remind.next": "下次提醒：{when}",
    "remind.every_other_day": Plural(
        "最近 {count} 次提醒你都没回应，现在隔天提醒一次。发一条作品或点任意按钮，就恢复每天提醒。",
        "最近 {count} 次提醒你都没回应，现在隔天提醒一次。发一条作品或点任意按钮，就恢复每天提醒。",
    ),
    "remind.weekly_unanswered": "你一直没回应，现在每周提醒一次。发一条作品或点任意按钮，就恢复每天提醒。",
    "remind.weekly_chosen": "按你的选择，每周提醒一次。<code>/nudge on</code> 恢复每天提醒。",
    "resume.not_paused": "提醒没有暂停。",
    "btn.toggle_nudges": "每日提醒：{state}",
    "btn.toggle_lastcall": "最后提醒：{state}",
    "btn.toggle_followups": "数据追问：{state}",
    "nudge.v0": "{name}，今天还没有记录哦。发一条，习惯就还在。✍️",
    "nudge.v1": "{name}，今天的发布是你唯一能完全掌控的数字。准备好了吗？",
    "nudge.v2": "完成比完美重要。{name}，今天发什么？",
    "nudge.v3": "{name}，来打个卡：今天的作品发了吗？",
    "nudge.v4": "算法不归你管，坚持出现归你管。今天发一条？💪",
    "nudge.v5": "{name}，简单一条也算。十分钟，发一条，记下来。",
    "nudge.v6": "未来的粉丝在等你今天的作品，{name}。🌱",
    "nudge.streak_line": "🔥 连续：{streak} — 别断哦。",
    "last_call.v0": "⏳ 最后提醒，{name}：今天还剩 90 分钟。",
    "last_call.v1": "⏳ {name}，今天还有 90 分钟，来得及发一条。",
    "last_call.v2": "⏳ 快到午夜了，{name}。发一条，或者今天休息。",
    "keep.ask": Plural(
        "🤔 我已经提醒了你 {count} 次都没有回应。还要继续提醒吗？",
        "🤔 我已经提醒了你 {count} 次都没有回应。还要继续提醒吗？",
    ),
    "btn.keep_yes": "要",
    "btn.keep_weekly": "每周一次",
    "btn.keep_stop": "不用了",
    "keep.yes": "好的：恢复每天提醒。",
    "keep.weekly": "好的：每周提醒一次。<code>/nudge on</code> 恢复每天提醒。",
    "keep.stop": "好的：不再提醒。<code>/nudge on</code> 可以重新打开。",
    "nudge.snoozed": "⏰ 好的，{time} 再提醒你。",
    "nudge.other_day": "这是另一天的提醒。",
    "nudge.no_room": "今天免打扰之外已经没有时间了。明天见！",
    "btn.nudge_posted": "已发布 ✅",
    "btn.nudge_snooze": "1 小时后提醒",
    "btn.nudge_rest": "今天休息",
    "rest.taken": "😌 今天休息。连续天数保持 {streak}；{left}。",
    "rest.left": Plural("本周还可休息 {count} 天", "本周还可休息 {count} 天"),
    "rest.taken_yesterday": "😌 昨天（{date}）算休息日。连续天数：{streak}；{left}。",
    "rest.used_yesterday": "😌 昨天用掉了你的休息日——连续记录保住了：{streak}。",
    "rest.already": "今天已经是休息日了。",
    "rest.already_that_day": "那天已经是休息日了。",
    "rest.already_posted": "你今天已经发布了，不用休息。",
    "rest.already_posted_that_day": "你那天发布过了，不用休息。",
    "rest.undone": "已撤销 {date} 的休息日。",
    "rest.nothing_to_undo": "今天和昨天都没有可撤销的休息日。",
    "error.rest_shape": "没看懂这个用法。",
    "usage.rest": (
        "<code>/rest</code> 或 <code>/rest today</code> — 今天休息 · "
        "<code>/rest 昨天</code> — 昨天休息 · "
        "<code>/rest undo</code> — 撤销今天或昨天的休息日"
    ),
    "rest.none_left": Plural(
        "本周 {count} 天休息已用完。/goals rest 可以调整。",
        "本周 {count} 天休息已用完。/goals rest 可以调整。",
    ),
    "rest.not_allowed": "你的目标里没有休息日。/goals rest 1 每周可休息一天。",
    "followup.day1": "📈 过了一天：{label} 表现怎么样？收藏数决定是不是爆款。",
    "followup.day3": "📈 过了三天：{label} 表现如何？",
    "followup.last_saves": "上次：{saves} 收藏。",
    "followup.many": "📈 你的作品表现怎么样？收藏数决定是不是爆款。",
    "followup.line_day1": "• {label} — 发布一天",
    "followup.line_day3": "• {label} — 发布三天",
    "followup.line_saves": Plural(" · 上次：{count} 收藏", " · 上次：{count} 收藏"),
    "followup.many_how": "点一条作品填数据，或直接输入，例如 <code>/metrics {number} 收藏=12 点赞=80</code>。",
    "btn.followup_post": "✍️ #{number}",
    "followup.ask": "发送 {label} 的数据：收藏 点赞 播放，例如 <code>12 80 1500</code>（或 <code>收藏=12</code>）。",
    "followup.post_gone": "这条作品已经不在了。",
    "btn.followup_enter": "✍️ 填数据",
    "btn.followup_off": "不再询问",
    # --- rooms (groups)
    "menu.share": "群里能看到什么",
    "room.intro": (
        "👋 你好！我是 Postpact，陪创作者一起坚持发布。\n"
        "• /join — 加入本群打卡（之后 /post 抖音 … 就在这里打卡）\n"
        "• /board — 本周排行 · /mutual — 互相关注\n"
        "每天晚上我会发一份日报；管理员可以用 /groupsettings 调整。"
    ),
    "room.help": (
        "<b>群里的 Postpact</b>\n"
        "/join · /leave — 加入或退出本群打卡\n"
        "/post 小红书 https://… #标签 — 记录发布并在群里打卡\n"
        "/board — 本周排行\n"
        "/mutual — 成员账号 · /mutual me — 该关注谁、谁还没回关\n"
        "/followed @成员 [平台] — 记下你关注了谁\n"
        "/buddy — 本周互助搭档\n"
        "管理员：/groupgoal、/buddy on|off、/groupsettings\n"
        "群里能看到你的什么由你决定：私聊 @{bot} 发 /share。"
    ),
    "menu.join": "加入这个小组",
    "menu.leave": "退出这个小组",
    "menu.room_help": "我在群里能做什么",
    "menu.room_post": "记录发布并在群里打卡",
    "menu.board": "本周排行",
    "menu.mutual": "成员账号，该关注谁",
    "menu.followed": "记下你关注了谁",
    "menu.room_insights": "本群什么内容有效",
    "menu.buddy": "每周搭档：开、关、是谁",
    "menu.groupgoal": "本群目标",
    "menu.groupsettings": "总结时间、时区、语言、话题",
    "room.unknown_command": "这个命令在群里用不了。/help 看群里能用的命令。",
    "room.joined": Plural(
        "✅ {name} 加入了本群，现在 {count} 人。", "✅ {name} 加入了本群，现在 {count} 人。"
    ),
    "room.already_member": Plural(
        "{name}，你已经在本群了（{count} 人）。", "{name}，你已经在本群了（{count} 人）。"
    ),
    "room.open_private": "私聊我一次，提醒和点赞通知才能发给你：",
    "btn.open_private": "打开 Postpact",
    "room.connected": "🔗 已连接：群里的提醒和点赞通知会发到这里。",
    "room.left": "👋 {name} 退出了本群打卡。发布记录仍归本人。",
    "room.not_member": "{name}，你不在本群打卡。",
    "room.join_first": "请先加入：/join",
    "room.admins_only": "只有群管理员可以这样做。",
    "room.not_anonymous": "这个操作请用自己的身份，不要匿名以群身份发送。",
    "room.not_as_channel": "这个操作请用自己的身份发送：以频道身份发的消息无法算在某个人名下。",
    "room.no_members": "还没有人加入本群打卡。/join",
    "room.checkin": "✅ {name} 发布了：{label}",
    "room.checkin_streak": "🔥 {streak}",
    "room.joined_by_posting": "（…并加入了本群打卡。）",
    "usage.group_post": "<code>/post &lt;平台&gt; [链接或标题] [#标签 …]</code>，例如 <code>/post 小红书 秋天穿搭</code>",
    "error.group_post_missing": "在群里请说明发在哪个平台。",
    "btn.cheer": "👏 点赞",
    "cheer.own": "不能给自己点赞哦 🙂",
    "cheer.already": "你已经点过赞了。",
    "cheer.join_first": "加入本群才能点赞：/join",
    "cheers.told": "👏 {names} 给你在 {title} 的第 {number} 条发布点了赞。",
    "board.heading": "🏆 <b>本周</b> · {start} → {end}\n<i>天数 · 🔥 连续 · 🎯 本月爆款 · 粉丝</i>",
    "board.line": "{rank} {name} — {days} · 🔥 {streak} · 🎯 {hits} · {growth}",
    "usage.mutual": "<code>/mutual</code> — 成员账号 · <code>/mutual me</code> — 该关注谁、谁还没回关",
    "error.mutual_shape": "没看懂这个用法。",
    "mutual.heading": "🤝 <b>互相关注</b>",
    "mutual.platform": "<b>{platform}</b>：{handles}",
    "mutual.none": "还没有人公开账号（私聊发 /share handles on）。",
    "mutual.hint": "关注了谁？/followed @成员 [平台]",
    "mutual.me_not_followed": "你还没关注：{names}",
    "mutual.me_not_back": "还没回关你：{names}",
    "mutual.nobody": "没有",
    "usage.followed": "<code>/followed @成员 [平台]</code>，例如 <code>/followed @maya 抖音</code>",
    "error.followed_shape": "你关注了谁？",
    "error.followed_unknown": "“{given}”不是本群打卡成员。",
    "followed.self": "那是你自己 🙂",
    "followed.on": "（{platform}）",
    "followed.noted": "记下了：你关注了 {name}{where}。",
    "followed.mutual": "记下了：你关注了 {name}{where}。你们互相关注了 🤝",
    "usage.buddy": "<code>/buddy</code> — 本周搭档 · 管理员：<code>/buddy on</code> 或 <code>/buddy off</code>",
    "error.buddy_shape": "没看懂这个用法。",
    "buddy.on": "🤝 搭档已开启：每周一随机配对，提醒里会告诉你搭档的进度。",
    "buddy.off": "搭档已关闭。",
    "buddy.disabled": "本群没有开启搭档。管理员可以发 /buddy on。",
    "buddy.none": "你本周没有搭档（每周一在成员中配对）。",
    "buddy.yours": "🤝 你本周的搭档：{name}",
    "buddy.nudge_posted": "🤝 你的搭档 {name} 今天已经发布了。",
    "buddy.nudge_waiting": "🤝 你的搭档 {name} 今天也还没发：互相督促一下！",
    "buddy.nudge_private": "🤝 你本周的搭档：{name}",
    "usage.groupgoal": "<code>/groupgoal days 5</code> — 每人每周发布 5 天 · <code>/groupgoal posts 100</code> — 本月一起发 100 条 · <code>/groupgoal off</code>",
    "error.groupgoal_shape": "没看懂这个用法。",
    "error.groupgoal_number": "“{given}”不是整数。",
    "groupgoal.none": "🎯 还没有群目标。",
    "groupgoal.days": "🎯 群目标：每人每周发布 {value} 天。",
    "groupgoal.posts": "🎯 群目标：本月一起发布 {value} 条。",
    "usage.groupsettings": (
        "<code>/groupsettings time 21:00</code> · <code>timezone Asia/Shanghai</code> · "
        "<code>lang en|zh</code> · <code>mention on|off</code> · "
        "<code>board days|streak|hits|growth</code> · <code>topic</code>（在话题里发送）· <code>topic off</code>"
    ),
    "error.groupsettings_shape": "没看懂这个用法。",
    "error.board_metric": "排行可以按 days、streak、hits 或 growth。",
    "groupsettings.show": (
        "⚙️ <b>本群设置</b>\n"
        "日报：{time}（{zone}）\n"
        "语言：{language}\n"
        "提到还没发布的人：{mention}\n"
        "排行依据：{board}\n"
        "话题：{topic}\n"
        "搭档：{buddies}"
    ),
    "usage.share": "<code>/share followers on</code> · <code>/share handles on</code> · <code>/share streaks off</code> · <code>/share posts off</code>",
    "error.share_shape": "请说明哪一项和 on/off，例如 /share followers on。",
    "share.show": (
        "👀 <b>群里能看到你的</b>\n"
        "连续天数：{streaks}\n"
        "发布条数和天数：{posts}\n"
        "粉丝数：{followers}\n"
        "账号：{handles}\n"
        "粉丝增长以百分比显示；具体数字只有你公开时才显示。"
    ),
    "btn.share_streaks": "连续天数：{state}",
    "btn.share_posts": "发布：{state}",
    "btn.share_followers": "粉丝数：{state}",
    "btn.share_handles": "账号：{state}",
    "digest.heading": "📣 <b>{title}</b> · {date}",
    "digest.posted": "✅ 今天已发布（{count}/{of}）：{names}",
    "digest.nobody": "今天没有人发布。",
    "digest.streak": "🔥 最长连续：{name}，{streak}",
    "digest.hit": "🎯 新爆款：{name} — {label}",
    "digest.milestone": "🎉 {name} 粉丝突破 {number}",
    "digest.waiting": "🌱 今天还没发：{names}。还来得及。",
    "summary.weekly": "📊 <b>{title} · 本周</b> {start} → {end}",
    "summary.monthly": "📅 <b>{title} · 本月</b> {start} → {end}",
    "summary.totals": "合计：发布 {posts}，{days}（{members}）。",
    "summary.goal_days": "🎯 目标每人 {target} 天：{done}/{of} 人达成 {verdict}",
    "summary.goal_posts": "🎯 目标一起 {target} 条：{done}/{of} {verdict}",
    "summary.consistent": "🏅 最稳定：{name}，{days}",
    "summary.grower": "📈 增长最多：{name}，{growth}",
    "summary.reciprocity": "🤝 关注：{pairs} 对中有 {mutual} 对互关",
    "summary.member": "• {name}：{days} 天 · {posts} 条 · 🔥 {streak} · {growth}",
    "roomcard.kicker": "每周总结",
    "roomcard.week": "{start} – {end} 这一周",
    "roomcard.posts": "条 · 合计发布",
    "roomcard.posters": "人 · 有发布",
    "roomcard.streak": "天 · 最长连续",
    "roomcard.goal_days": "小组目标：每人 {target} 天",
    "roomcard.goal_days_progress": "{done}/{of} 人达成",
    "roomcard.goal_posts": "小组目标：一起发布 {target} 条",
    "roomcard.goal_posts_progress": "{done}/{of} 条",
    "roomcard.no_goal": "还没有小组目标。管理员可以设定：/groupgoal days 5",
    "roomcard.heading": "发布天数",
    "roomcard.more": "还有 {count} 位成员",
    # --- insights, charts, your data
    "menu.insights": "什么对你有效",
    "menu.chart": "图表：粉丝、日历",
    "menu.export": "下载关于你的全部数据",
    "menu.forget": "删除关于你的全部数据",
    "usage.chart": "<code>/chart followers [平台]</code> — 粉丝变化 · <code>/chart calendar</code> — 最近 16 周",
    "error.chart_which": "要看哪张图？",
    "chart.no_followers": "还没有粉丝记录可以画。/followers 抖音 1200 记录一次。",
    "chart.followers_title": "粉丝",
    "chart.posts_legend": "发布",
    "chart.hit_label": Plural("爆款", "{count} 个爆款"),
    "chart.latest": "{count} · {change}",
    "chart.all_platforms": "全部平台",
    "chart.goal_gain": "目标 +{gain}（{level}）",
    "chart.goal_total": "目标 {level}",
    "chart.more_platforms": "未显示：{names} · /chart followers [平台] 单独查看",
    "chart.followers_caption": "📈 粉丝变化，每个平台一栏；下方色带是每天的发布，星星是爆款，虚线是粉丝目标。",
    "chart.calendar_title": "最近 16 周",
    "chart.calendar_caption": "🗓 蓝色：发布（越深越多）· 橙色：休息日 · 浅橙斜纹：休息额度补上的漏发日 · 灰色：都没有 · 描边：今天。",
    "chart.legend_posted": "发布",
    "chart.legend_rested": "休息日",
    "chart.legend_frozen": "休息额度补上",
    "chart.legend_empty": "没有发布",
    "chart.legend_today": "今天",
    "chart.weekdays": "周一 周二 周三 周四 周五 周六 周日",
    # Dates in pictures (cards, charts): one way to write a day.
    "picture.months": "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月",
    "picture.date": "{month}{day}日",
    # 复盘成绩图（图片：纯文本，不含 HTML；用户内容单独绘制）
    "card.caption": "🖼 你这个月到目前为止的成绩图，可以直接分享。",
    "card.caption_review": "🖼 你这个月的成绩图，可以直接分享。",
    "card.caption_final": "🖼 你这 90 天的成绩图，可以直接分享。",
    "card.no_name": "Postpact 创作者",
    "card.month_program": "第 {month} / {months} 个月 · {start} – {end}",
    "card.month_calendar": "{year}年{month}",
    "card.cycle": "第 {cycle} 轮 · 90 天 · {start} – {end}",
    "card.upto": "{period} · 截至 {date}",
    "card.month_full": "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月",
    "card.weekdays": "一 二 三 四 五 六 日",
    "card.in_month": "第 {month} 月 · {goal}",
    "card.goal_posting": "{days} 天里发布 {target} 天",
    "card.goal_hit": "一个爆款：一条内容被收藏 {threshold}+ 次",
    "card.goal_followers_gain": "涨粉 {target}",
    "card.goal_followers_total": "粉丝达到 {target}",
    "card.done_posting": "已发布 {done} / {target} 天",
    "card.done_hit": "{count} 个爆款",
    "card.done_followers_gain": "{done} / +{target}",
    "card.done_followers_total": "{done} / {target}",
    "card.unmeasured": "还没有可对比的粉丝数",
    "card.starts": "{date}开始",
    "card.met": "达成",
    "card.not_met": "未达成",
    "card.open": "进行中",
    "card.upcoming": "未开始",
    "card.streak": "连续天数",
    "card.best_streak": "最长连续",
    "card.days": "发布天数",
    "card.followers": "粉丝变化",
    "card.followers_cycle": "90 天粉丝变化",
    "card.hits": "爆款",
    "card.best": "最佳内容",
    "card.best_detail": "{platform} · {saves} 次收藏",
    "card.best_none": "还没有记录收藏数",
    "card.posted": "发布",
    "card.rested": "休息日",
    "card.frozen": "休息额度补上",
    "card.missed": "没有发布",
    "card.footer": "Postpact · @{bot}",
    "card.footer_plain": "Postpact",
    "insights.heading": "🔎 <b>什么对你有效</b>",
    "insights.followers_heading": "<b>什么带来粉丝</b>（每条发布，两次记录之间）",
    "insights.followers_too_little": "数据太少，还看不出来：在发布前后记录粉丝数（/followers），多记几条。",
    "insights.gain": "• {name}：每条 {per_post}（{posts} 条）",
    "insights.hits_heading": "<b>爆款率</b>（收藏 ≥ {threshold}）",
    "insights.hit_rate": "• {name}：{posts} 条中 {hits} 条（{percent}%）",
    "insights.too_little": "数据还太少。",
    "insights.time_heading": "<b>最佳时间</b>（平均收藏）",
    "insights.best_day": "• {day}：{saves} 收藏",
    "insights.best_hour": "• {hour} 左右：{saves} 收藏",
    "insights.niche_heading": "<b>垂直度</b>",
    "insights.niche": "本月 {now} 的作品带定位标签；上月 {then}。",
    "insights.consistency_heading": "<b>稳定性</b>（最近 8 周每周发布天数）",
    "insights.weeks": "{spark}  {days}",
    "insights.habit": "习惯强度：{score}/100（断一天只会降一点，不会清零）",
    "insights.projection_heading": "<b>粉丝目标</b>",
    "insights.no_projection": "数据不够，还无法预测 {target}：需要一周以上、至少三次、在增长的记录。",
    "insights.projection": "{current}/{target}；按每天 {pace} 的速度，会在 {earliest} 到 {latest} 之间达到。",
    "insights.room_heading": "🔎 <b>{title}：这里什么有效</b>",
    "insights.room_weeks": "最近 8 周大家一起发布的天数：{spark}  {days}",
    "insights.room_hits_heading": "<b>各平台爆款率</b>",
    "insights.room_privacy": "<i>只基于成员公开的内容（/share）。</i>",
    "export.caption": "📦 关于你的全部数据，打包成一个 zip：一份完整的 JSON，以及每张表一个 CSV（{tables} 张表有数据）。",
    "forget.confirm": "删除关于你的全部数据——发布、粉丝、数据、计划、群、点赞、关注、提醒？无法撤销。（可先 /export 留一份。）",
    "btn.forget_yes": "全部删除",
    "btn.forget_no": "保留",
    "forget.kept": "什么都没删。",
    "forget.done": "🗑 完成：删除了 {rows} 行。再发消息就是全新开始。",
    "error.storage": "抱歉，现在无法保存：存储暂时不可用。请过几分钟再试，不会有只保存了一半的数据。",
    "error.storage_short": "现在无法保存，请过几分钟再试。",
}
