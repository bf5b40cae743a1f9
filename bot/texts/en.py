"""English. Values are HTML (parse mode HTML): literal `<`, `>` and `&` are written as entities.

`{name}` placeholders are filled by `bot.texts.t`, which escapes user-supplied values.
"""

from __future__ import annotations

from bot.texts.forms import Entry, Plural

PLATFORM_LIST = (
    "tiktok, douyin, xiaohongshu (xhs, rednote), kuaishou, wechat-channels (channels), youtube (yt), "
    "instagram (ig), bilibili, weibo, x (twitter), toutiao, facebook, threads, linkedin, other"
)

MESSAGES: dict[str, Entry] = {
    # --- help and menus
    "help.text": (
        "<b>Postpact</b> keeps you posting: count what is in your hands (posts, days), "
        "and look at the numbers the algorithm decides only now and then.\n\n"
        "<b>Log</b>\n"
        "/post tiktok https://… #recipes — log a post (no arguments: pick a platform)\n"
        "/post yesterday xhs My title — log it for yesterday\n"
        "…or just send me a post's link or the app's share text\n"
        "/undo — remove your latest post\n"
        "/followers tiktok 1200 — record a follower count\n"
        "/metrics last saves=12 likes=80 — record a post's numbers\n\n"
        "<b>Look back</b>\n"
        "/today — what you logged today\n"
        "/streak — current and best streak\n"
        "/progress — this week and this month\n"
        "/review — this month's review · /review last — the month before\n"
        "/card — this month as a picture to share\n\n"
        "<b>Plan</b>\n"
        "/plan — your 3-month program: post daily, get a hit, reach 100 followers\n"
        "/goals — your targets (days a week, hit saves, followers, rest days)\n"
        "/rest — take today as a rest day (keeps your streak)\n\n"
        "<b>Reminders</b>\n"
        "/nudge 20:30 · /nudge off · /nudge lastcall on · /nudge followups off\n"
        "/quiet 23:00-08:00 · /pause 7 · /resume\n"
        "/news off — no announcements from the bot's owner\n\n"
        "<b>Groups</b>\n"
        "Add me to a group and send /join there: check in together, digests, a leaderboard.\n"
        "/share — what your groups may see (streaks, posts, followers, handles)\n\n"
        "<b>Insights and your data</b>\n"
        "/insights — what brings followers, hit rates, best time, habit strength\n"
        "/chart followers · /chart calendar — pictures\n"
        "/export — everything stored about you · /forget — delete it all\n\n"
        "<b>You</b>\n"
        "/start or /settings — your profile, with buttons to edit it\n"
        "/lang en|zh · /timezone Asia/Shanghai · /daystart 03:00\n"
        "/niche One sentence #tag #tag · /handle tiktok @me\n"
        "/cancel — stop answering a question I asked\n"
        "/help — this list"
    ),
    "help.pointer": "I read commands. Send /help to see them all, or /post to log a post.",
    "help.unknown_command": "I don't know that command. /help lists the ones I do.",
    "menu.post": "Log a post",
    "menu.today": "What you logged today",
    "menu.streak": "Your streak",
    "menu.progress": "This week and this month",
    "menu.followers": "Record a follower count",
    "menu.metrics": "Record a post's saves, likes, views",
    "menu.undo": "Remove your latest post",
    "menu.settings": "Your profile and settings",
    "menu.help": "Every command",
    # --- usage
    "usage.heading": "<b>How to use it</b>",
    "usage.post": (
        "<code>/post &lt;platform&gt; [link or title] [#tag …]</code>\n"
        "e.g. <code>/post tiktok https://vm.tiktok.com/abc #recipes</code>\n"
        "<code>/post yesterday xhs Autumn outfits</code> logs it for yesterday.\n"
        "Or paste an app's share text: <code>/post https://v.douyin.com/abc/</code> "
        "(the link names the platform), or just send it to me.\n"
        "Platforms: " + PLATFORM_LIST
    ),
    "usage.undo": (
        "<code>/undo</code> — removes your latest entry (a post, follower count, numbers or rest"
        " day, within 24 hours), after you confirm."
    ),
    "usage.followers": (
        "<code>/followers &lt;platform&gt; &lt;count&gt;</code>\n"
        "e.g. <code>/followers tiktok 1200</code> or <code>/followers xhs 1.2k</code>"
    ),
    "usage.metrics": (
        "<code>/metrics &lt;post number | last&gt; saves=N likes=N views=N comments=N shares=N</code>\n"
        "Any of them, e.g. <code>/metrics last saves=7</code> or <code>/metrics 12 views=3.4k likes=210</code>"
    ),
    "usage.lang": "<code>/lang en</code> or <code>/lang zh</code>",
    "usage.timezone": (
        "<code>/timezone Asia/Shanghai</code>, <code>/timezone UTC+8</code> or a city: "
        "<code>/timezone Berlin</code>"
    ),
    "usage.niche": (
        "<code>/niche &lt;one sentence&gt; #tag …</code> (up to 5 tags)\n"
        "e.g. <code>/niche Budget home cooking for students #recipes #budget</code>"
    ),
    "usage.handle": (
        "<code>/handle &lt;platform&gt; &lt;@handle or profile URL&gt;</code>\n"
        "e.g. <code>/handle tiktok @maya.cooks</code>; <code>/handle tiktok -</code> removes it"
    ),
    "usage.daystart": (
        "<code>/daystart HH:MM</code>, from 00:00 to 04:00. Posts before that hour count for the day "
        "before, e.g. <code>/daystart 03:00</code>"
    ),
    # --- input errors
    "error.unknown_platform": "I don't know the platform “{given}”. Use one of: " + PLATFORM_LIST,
    "error.tag_too_long": Plural(
        "A #tag can be at most {limit} character.",
        "A #tag can be at most {limit} characters.",
    ),
    "error.post_missing_platform": "Which platform? Put it first.",
    "error.post_two_links": "One post, one link, please.",
    "error.link_too_long": Plural(
        "That link is longer than {limit} character.",
        "That link is longer than {limit} characters.",
    ),
    "error.too_many_tags": "At most {limit} #tags per post.",
    "error.link_platform_unknown": (
        "I can't tell the platform from that link. Put it first: "
        "<code>/post tiktok &lt;link&gt;</code>"
    ),
    "error.count_negative": "A count can't be negative.",
    "error.count_not_number": "“{given}” is not a count I can read. Try 1200, 1,200 or 1.2k.",
    "error.count_too_large": "That number is too large (the limit is {limit}).",
    "error.followers_shape": "I need a platform and a count.",
    "error.followers_missing_count": "The count is missing: how many followers on {given}?",
    "error.post_ref": "“{given}” is not a post. Use its number (from /today) or <code>last</code>.",
    "error.metrics_missing": "Which post, and which numbers?",
    "error.metrics_pair": "“{given}” should look like <code>saves=12</code>.",
    "error.metrics_unknown": (
        "I don't track “{given}”. I track saves, likes, views, comments and shares."
    ),
    "error.metrics_repeated": "You gave {given} twice.",
    "error.time_shape": "“{given}” is not a time. Use HH:MM, e.g. 20:00.",
    "error.daystart_range": "Your day can start between 00:00 and 04:00.",
    "error.niche_missing": "Tell me your niche in one sentence, with #tags if you like.",
    "error.niche_too_long": Plural(
        "Keep the niche to one sentence: at most {limit} character.",
        "Keep the niche to one sentence: at most {limit} characters.",
    ),
    "error.niche_too_many_tags": "At most {limit} niche #tags: pick the ones that matter most.",
    "error.handle_shape": (
        "That is not a handle I can store. Use @name (letters, digits, . _ -) or a profile URL."
    ),
    "error.handle_missing": "I need a platform and a handle.",
    "error.lang": "I speak English (en) and Chinese (zh).",
    "error.timezone": (
        "I don't know the timezone “{given}”. Try an IANA name like Asia/Shanghai, "
        "an offset like UTC+8, or a city like Berlin."
    ),
    "error.button_expired": "That button is out of date. Send the command again.",
    "error.already_done": "Already done.",
    "error.unexpected": "Sorry, something went wrong on my side. Please try again in a moment.",
    "error.unexpected_short": "Sorry, something went wrong. Please try again.",
    # --- limits per user: a polite stop, and when to try again
    "limit.slow_down": Plural(
        "⏳ That's a lot at once. I'll take your next one in {count} second; "
        "until then I'm not answering.",
        "⏳ That's a lot at once. I'll take your next one in {count} seconds; "
        "until then I'm not answering.",
    ),
    "limit.slow_down_short": "⏳ Too many at once. Try again in a moment.",
    "limit.posts_per_day": Plural(
        "That's {limit} post today, the most I log in one day: this one isn't logged. "
        "Logging opens again when your next day starts ({day_start} your time).",
        "That's {limit} posts today, the most I log in one day: this one isn't logged. "
        "Logging opens again when your next day starts ({day_start} your time).",
    ),
    "limit.counts_per_day": Plural(
        "You've sent follower counts {limit} time today, the most I take in one day: this one "
        "isn't stored. Try again when your next day starts ({day_start} your time).",
        "You've sent follower counts {limit} times today, the most I take in one day: this one "
        "isn't stored. Try again when your next day starts ({day_start} your time).",
    ),
    # --- posts
    "post.title_quoted": "“{title}”",
    "post.tags": " {tags}",
    "post.today_count": Plural("{count} post today", "{count} posts today"),
    "post.logged": "✅ Logged {label}{tags}\n{today} · streak {streak}\n{month}",
    "post.logged_yesterday": ("✅ Logged for yesterday: {label}{tags}\nstreak {streak}\n{month}"),
    "post.title_shortened": Plural(
        "✂️ The caption was longer than {limit} character: its first {limit} is the title.",
        "✂️ The caption was longer than {limit} characters: its first {limit} are the title.",
    ),
    "post.month_progress": Plural(
        "This month ({month}): {done}/{target} day {bar}",
        "This month ({month}): {done}/{target} days {bar}",
    ),
    "post.program_month_progress": Plural(
        "Program month {month}: {done}/{target} day {bar}",
        "Program month {month}: {done}/{target} days {bar}",
    ),
    "post.pick_platform": "Where did you post?",
    "post.pick_platform_yesterday": "Where did you post yesterday?",
    "post.picker_used": "Already logged. Send /post again for another post.",
    "post.duplicate": "That link is already logged as post #{number}.",
    "post.corrected": "✏️ Corrected {label}{tags}",
    "post.edit_platform": "An edit can change a post's link, title and tags, not its platform.",
    "post.edit_unchanged": "Post #{number} is unchanged.",
    "post.share_ask": "Log this as today's {platform} post?\n{what}",
    "post.share_declined": "OK, not logged.",
    "post.share_already": "Already logged as post #{number}.",
    "post.share_declined_before": "You said No to this one. Send the link again to log it.",
    "post.share_too_old": (
        "That was shared on {date}: I can log today or yesterday only. Use /post."
    ),
    "streak.days": Plural("{count} day", "{count} days"),
    # Counted nouns, for messages that show several counts at once (`number` is the count shown).
    "counted.days": Plural("{number} day", "{number} days"),
    "counted.posts": Plural("{number} post", "{number} posts"),
    "counted.saves": Plural("{number} save", "{number} saves"),
    "counted.followers": Plural("{number} follower", "{number} followers"),
    "counted.members": Plural("{number} member", "{number} members"),
    "counted.member_days": Plural("{number} member-day", "{number} member-days"),
    # --- undo
    "undo.what_post": "post {label}",
    "undo.what_followers": "the follower count {platform} {count}",
    "undo.what_metrics": "the numbers {numbers} for {label}",
    "undo.what_rest": "the rest day {date}",
    "undo.confirm": "Remove {what} from {time}?",
    "undo.done": "Removed {what}.",
    "undo.done_streak": "Removed {what}. Streak: {streak}.",
    "undo.nothing": "There is nothing from the last 24 hours to remove.",
    "undo.stale": "That is out of date: you entered something newer. Send /undo again.",
    "undo.already": "Already done: that entry is removed.",
    "undo.kept": "Kept it.",
    # --- followers
    "followers.recorded": Plural(
        "📈 {platform}: {number} follower",
        "📈 {platform}: {number} followers",
    ),
    "followers.first": "Your first count here: the next one will show the change.",
    "followers.replaced": "This replaces today's earlier count ({count}).",
    "followers.jump_up": "Did you mean that? {platform} jumps from {previous} to {count} ({change}) at once.",
    "followers.jump_down": (
        "Did you mean that? {platform} drops from {previous} to {count} ({change}) at once."
    ),
    "followers.not_stored": "Not stored.",
    "followers.already": "Already done.",
    "followers.since_previous": "{change} since the last count ({date})",
    "followers.since_first": "{change} since the first count ({date})",
    "followers.total": "All platforms: {total} ({change} since your first counts)",
    # --- metrics
    "metrics.recorded": "📊 {label}",
    "metrics.hit": Plural(
        "🎉 <b>A hit!</b> {saves} person saved it (your hit threshold is {threshold}). "
        "Look at what worked and do it again.",
        "🎉 <b>A hit!</b> {saves} people saved it (your hit threshold is {threshold}). "
        "Look at what worked and do it again.",
    ),
    "metrics.still_hit": "Still a hit 🎯",
    "metrics.to_hit": Plural(
        "{count} more save to make it a hit ({threshold}).",
        "{count} more saves to make it a hit ({threshold}).",
    ),
    "metrics.no_posts": "You haven't logged a post yet. /post first.",
    "metrics.no_post": "You have no post #{number}. /today shows today's numbers.",
    "metric.saves": Plural(
        "{value} save",
        "{value} saves",
    ),
    "metric.likes": Plural(
        "{value} like",
        "{value} likes",
    ),
    "metric.views": Plural(
        "{value} view",
        "{value} views",
    ),
    "metric.comments": Plural(
        "{value} comment",
        "{value} comments",
    ),
    "metric.shares": Plural(
        "{value} share",
        "{value} shares",
    ),
    # --- today, streak, progress
    "today.heading": "<b>Today, {date}</b>",
    "today.nothing": "Nothing logged yet. One post keeps the streak going: /post",
    "today.count": Plural("{count} post:", "{count} posts:"),
    "today.more": "…and {count} more",
    "today.streak": "Streak: {streak}",
    "streak.current": "🔥 Current streak: {streak}",
    "streak.best": "🏆 Best streak: {streak}",
    "streak.alive_today": "Today is done. See you tomorrow.",
    "streak.keep_alive": "Post today to keep it going: /post",
    "streak.start": "Every streak starts with one day. /post",
    "progress.week": "This week ({start} – {end})",
    "progress.month": "This month ({start} – {end})",
    "progress.block": (
        "<b>{heading}</b>\n"
        "Days posted: {days}/{target} {bar}\n"
        "Posts: {posts} · Hits: {hits}\n"
        "Followers: {growth}"
    ),
    "progress.no_follower_data": "no counts yet (/followers)",
    "progress.streaks": "🔥 Streak {current} · best {best}",
    # --- onboarding and profile
    "onboarding.welcome": (
        "👋 Welcome to <b>Postpact</b>. Post every day for a month, get one post saved by 5 people, "
        "reach 100 followers — one input at a time.\n"
        "A few quick questions; skip any of them and change them later in /settings."
    ),
    "onboarding.done": "All set. Log your first post with /post — /help shows everything.",
    "ask.lang": "Which language?",
    "ask.tz": "Your timezone? Now: {current}. Pick one, or type any city or offset.",
    "ask.nudge": "When should I remind you to post, if you haven't yet? Now: {current}. Pick one, or type a time like 19:30.",
    "ask.daystart": (
        "When does your day start? Posts before this hour count for the day before. Now: {current}"
    ),
    "ask.platforms": "Where do you post? Tap all that apply, then Done.",
    "ask.handles": "Your handles (optional, for mutual follows later). Tap a platform to add one.",
    "ask.handles_none": "No platforms chosen, so no handles to add.",
    "ask.retry": "Try again, or send /cancel.",
    "ask.tz_type": (
        "Type your timezone: an IANA name like Asia/Shanghai, an offset like UTC+8, or a city."
    ),
    "ask.nudge_type": "Type a time, like 19:30.",
    "ask.niche_type": (
        "Your niche in one sentence, plus up to 5 #tags. Now: {current}\n"
        "e.g. Budget home cooking for students #recipes #budget"
    ),
    "ask.handle_type": "Your {platform} handle (@name) or profile URL:",
    "profile.view": (
        "<b>Your profile</b>\n"
        "Language: {language}\n"
        "Timezone: {zone} ({offset})\n"
        "Reminder: {nudge}\n"
        "Day starts: {daystart}\n"
        "Niche: {niche}\n"
        "Platforms: {platforms}"
    ),
    "profile.unset": "not set",
    "lang.name_en": "English",
    "lang.name_zh": "中文",
    "lang.set": "I'll speak English.",
    "timezone.set": "Timezone: {zone} ({offset}). Your local time now: {local}.",
    "daystart.set": "Your day now starts at {time}.",
    "niche.set": "Niche: {niche}",
    "handle.set": "{platform}: {handle}",
    "handle.removed": "Removed your {platform} handle.",
    "saved": "Saved.",
    "cancel.done": "OK, nothing pending.",
    # --- buttons
    "btn.skip": "Skip ⏭",
    "btn.back": "« Back",
    "btn.done": "Done ✅",
    "btn.add": "add",
    "btn.type_other": "Type another…",
    "btn.share_today": "Log it",
    "btn.share_yesterday": "Yesterday",
    "btn.share_no": "No",
    "btn.undo_yes": "Yes, remove it",
    "btn.undo_no": "Keep it",
    "btn.count_store": "Store {count}",
    "btn.count_meant": "I meant {count}",
    "btn.count_cancel": "Cancel",
    "btn.edit_lang": "Language",
    "btn.edit_tz": "Timezone",
    "btn.edit_nudge": "Reminder time",
    "btn.edit_daystart": "Day start",
    "btn.edit_niche": "Niche",
    "btn.edit_platforms": "Platforms",
    "btn.edit_handles": "Handles",
    # --- coaching: the program, goals, reviews
    "menu.plan": "Your 3-month program",
    "menu.goals": "Your targets",
    "menu.review": "This month's review",
    "menu.card": "This month as a picture to share",
    "menu.nudge": "Reminder settings",
    "menu.rest": "Take a rest day",
    "usage.plan": (
        "<code>/plan</code> — start your 3-month program today, or see where you are\n"
        "<code>/plan start 2026-03-01</code> — start (or restart) it on a date\n"
        "<code>/plan stop</code> — end it"
    ),
    "usage.goals": (
        "<code>/goals days 5</code> — posting days per week (1–7)\n"
        "<code>/goals hit 10</code> — saves that make a post a hit\n"
        "<code>/goals followers +150</code> — followers to gain during the program (default +100); "
        "<code>/goals followers 5000</code> — a total to reach instead; "
        "add <code>tiktok</code> for one platform\n"
        "<code>/goals rest 1</code> — rest days per week that keep your streak (0–6; days + rest = 7)"
    ),
    "usage.review": "<code>/review</code> — this month so far · <code>/review last</code> — the month before",
    "usage.card": "<code>/card</code> — this month so far, as a picture to share (it takes nothing after it)",
    "usage.nudge": (
        "<code>/nudge 20:30</code> — remind me at this time if I haven't posted\n"
        "<code>/nudge off</code> · <code>/nudge on</code>\n"
        "<code>/nudge lastcall on</code> — one more reminder 90 minutes before the day ends\n"
        "<code>/nudge followups off</code> — stop asking how my posts are doing"
    ),
    "usage.quiet": "<code>/quiet 23:00-08:00</code> — nothing from me in these hours · <code>/quiet off</code>",
    "usage.pause": "<code>/pause 7</code> — no reminders for 7 days (up to 90) · <code>/resume</code> ends it early",
    "usage.news": "<code>/news off</code> — no announcements from the bot's owner · <code>/news on</code>",
    "error.news_shape": "Say on or off, e.g. <code>/news off</code>.",
    "news.on": "📣 News is on: you'll get the occasional announcement from the bot's owner.",
    "news.off": "🔕 News is off: no announcements from the bot's owner. <code>/news on</code> brings them back.",
    "news.status": "📣 News from the bot's owner: {state}. <code>/news off</code> · <code>/news on</code>",
    # --- the owner's commands (OWNER_IDS only)
    "usage.admin": (
        "<code>/admin stats</code> — the bot's numbers\n"
        "<code>/admin announce Your text</code> — a preview, then sent to everyone who wants news\n"
        "<code>/admin user 123456789</code> · <code>/admin user @name</code> — one user, for support"
    ),
    "error.admin_missing": "What would you like to see or do?",
    "error.admin_unknown": "“{given}” is not an /admin command.",
    "error.admin_user_missing": "Which user? Give their id or @username.",
    "error.admin_user_shape": "“{given}” is not a user id (a positive number) or an @username.",
    "error.announce_missing": "What should the announcement say?",
    "admin.user_not_found": "No user {who} has talked to this bot.",
    "admin.stats": (
        "<b>Postpact {version}</b> · up {uptime}\n"
        "Users: {users} · active today {active_today} · this week {active_week}\n"
        "Rooms: {rooms}\n"
        "Posts today: {posts_today}\n"
        "Messages today: {sent_today} sent · {failed_today} failed · {queued} queued\n"
        "Database: {size}\n"
        "<i>Today is the UTC day.</i>"
    ),
    "admin.user": (
        "<b>User {user_id}</b> {username}\n"
        "Language {language} · timezone {timezone} · joined {joined}\n"
        "Program: {program}\n"
        "Posts {posts} · follower counts {counts} · rooms {rooms}\n"
        "Blocked the bot: {blocked} · private chat: {private}\n"
        "News: {news} · nudges: {nudges}"
    ),
    "admin.program": "cycle {cycle}, {start} to {end}",
    "admin.no_program": "none running",
    "admin.yes": "yes",
    "admin.no": "no",
    "admin.on": "on",
    "admin.off": "off",
    "announce.message": "{text}\n\n<i>📣 From the bot's owner · /news off to stop these</i>",
    "announce.preview": Plural(
        "👀 Preview: Send delivers this to {count} user (everyone who wants news).",
        "👀 Preview: Send delivers this to {count} users (everyone who wants news).",
    ),
    "announce.send_button": Plural("Send to {count} user", "Send to {count} users"),
    "announce.cancel_button": "Cancel",
    "announce.cancelled": "Cancelled: nothing was sent.",
    "announce.already_decided": "This announcement was already sent or cancelled.",
    "announce.too_long": Plural(
        "An announcement must fit one message (its limit: {limit}, the footer included):"
        " cut {count} character.",
        "An announcement must fit one message (its limit: {limit}, the footer included):"
        " cut {count} characters.",
    ),
    "announce.sending": Plural("📣 Sending to {count} user…", "📣 Sending to {count} users…"),
    "announce.progress": "📣 Sending… {done} of {count}",
    "announce.finished": Plural(
        "📣 Announcement done ({at}): {sent} of {count} user reached · {failed} failed ·"
        " {blocked} had blocked the bot · {skipped} turned news off meanwhile",
        "📣 Announcement done ({at}): {sent} of {count} users reached · {failed} failed ·"
        " {blocked} had blocked the bot · {skipped} turned news off meanwhile",
    ),
    "error.plan_shape": "I didn't understand that.",
    "error.plan_start_past": Plural(
        "A program can start at most {days} day ago.",
        "A program can start at most {days} days ago.",
    ),
    "error.plan_start_future": Plural(
        "A program can start at most {days} day ahead.",
        "A program can start at most {days} days ahead.",
    ),
    "error.date_shape": "“{given}” is not a date. Use YYYY-MM-DD, e.g. 2026-03-01.",
    "error.goal_missing": "Which target, and what value?",
    "error.goal_unknown": "“{given}” is not a target. Use days, hit, followers or rest.",
    "error.goal_missing_value": "What should it be?",
    "error.goal_extra": "That's more than I can use.",
    "error.goal_range": "That target must be between {low} and {high}.",
    "error.review_shape": "I didn't understand that.",
    "error.card_shape": "/card takes nothing after it.",
    "error.switch": "“{given}” should be on or off.",
    "error.switch_missing": "Say on or off, e.g. <code>/nudge {what} on</code>.",
    "error.nudge_shape": "Give one time (HH:MM), or on / off.",
    "error.quiet_missing": "Which hours should be quiet?",
    "error.quiet_shape": "“{given}” should look like 23:00-08:00.",
    "error.quiet_empty": "Quiet hours need a start and an end that differ.",
    "error.pause_missing": "For how many days?",
    "error.days_shape": "“{given}” is not a number of days.",
    "error.days_range": Plural(
        "Pick between 1 and {maximum} day.",
        "Pick between 1 and {maximum} days.",
    ),
    "error.quick_metrics": "Send up to three numbers (saves likes views), or pairs like saves=12.",
    "plan.offer": (
        "🗓 <b>The 3-month program</b>, one goal a month:\n"
        "Month 1 — the habit: post on your posting days.\n"
        "Month 2 — a hit: a post people save.\n"
        "Month 3 — growth: more followers. A review closes each month.\n"
        "Tap Start to begin today, or <code>/plan start {example}</code> to pick the day."
    ),
    "btn.plan_start": "🚀 Start",
    "plan.started": "🚀 Cycle {cycle} is on. It runs until {end}.",
    "plan.already_running": "Your program is already running (since {start}). /plan shows it; /plan stop ends it.",
    "plan.none": "You have no program running. /plan starts one today.",
    "plan.stop_confirm": "End your program? Your posts and numbers stay; the program's reviews stop.",
    "plan.stopped": "Program ended. Start a new one any time with /plan.",
    "plan.kept": "Good: the program goes on.",
    "plan.stale": "That button is out of date. /plan shows where you are.",
    "plan.not_started": Plural(
        "Your program starts on {start}, tomorrow.",
        "Your program starts on {start}, in {count} days.",
    ),
    "plan.finished": "Your program ended on {end}. Its final report comes at your reminder time; /review last shows it now.",
    "plan.header": (
        "🗓 <b>Cycle {cycle} · month {month} of 3</b>\n"
        "Goal: {goal}\n"
        "Day {day} of 30 · {left} · {start} → {end}"
    ),
    "plan.days_left": Plural("{count} day left", "{count} days left"),
    "plan.progress_posting": "Days posted: {done} of {target} {bar}",
    "plan.progress_hit": "Hits this month: {done} of {target} {bar}",
    "plan.progress_followers": "Followers: {done} of {target} {bar}",
    "plan.progress_followers_gain": "Followers gained: {done} of {target} {bar}",
    "plan.followers_unmeasured": (
        "Send <code>/followers &lt;platform&gt; &lt;count&gt;</code> so I can measure your growth."
    ),
    "plan.best_saves": Plural(
        "Best post this month: {done} of {target} save {bar}",
        "Best post this month: {done} of {target} saves {bar}",
    ),
    "plan.habit_posting": Plural(
        "Habit — posting this week: {done} of {target} day {bar}",
        "Habit — posting this week: {done} of {target} days {bar}",
    ),
    "plan.habit_hits": Plural(
        "Habit — hits in this program: {count}", "Habit — hits in this program: {count}"
    ),
    "goal.posting": Plural(
        "post on {target} of {days} day",
        "post on {target} of {days} days",
    ),
    "goal.hit": "get one hit — a post saved by {threshold}+ people",
    "goal.followers": "reach {target} followers{where}",
    "goal.followers_gain": "gain {target} followers{where} during the program",
    "goal.total": " in total",
    "goal.on_platform": " on {platform}",
    "goals.show": Plural(
        "🎯 <b>Your targets</b>\n"
        "Posting: {days} day a week ({month_days} in a 30-day month)\n"
        "Hit: a post saved by {threshold}+ people\n"
        "Followers: {followers}\n"
        "Rest: {rest} a week, streak kept",
        "🎯 <b>Your targets</b>\n"
        "Posting: {days} days a week ({month_days} in a 30-day month)\n"
        "Hit: a post saved by {threshold}+ people\n"
        "Followers: {followers}\n"
        "Rest: {rest} a week, streak kept",
    ),
    "goals.rest": Plural("{count} day", "{count} days"),
    "verdict.met": "✅ met",
    "verdict.not_met": "❌ not met",
    "verdict.open": "⏳ in progress",
    "review.heading_program": "📅 <b>Month {month} of {months} review</b>",
    "review.heading_calendar": "📅 <b>Monthly review</b>",
    "review.dates": "{start} → {end}",
    "review.so_far": "So far, through {date}.",
    "review.goal": "Goal: {goal} — {verdict}",
    "review.certain": "<b>In your hands</b>",
    "review.days": "• Days posted: {done} of {target} {bar}",
    "review.posts": "• Posts: {posts} · rest days: {rest}",
    "review.niche": "• Niche focus: {share}% of posts tagged {tags}",
    "review.niche_unset": "• Niche focus: add tags to your niche with /niche to see it",
    "review.uncertain": "<b>Not in your hands</b>",
    "review.followers": "• Followers: {changes}",
    "review.followers_none": "• Followers: nothing to compare yet — /followers records a count",
    "review.hits": Plural("• Hits: {count}", "• Hits: {count}"),
    "review.best": Plural(
        "• Best post: {label} — {saves} save",
        "• Best post: {label} — {saves} saves",
    ),
    "review.best_none": "• Best post: no saves recorded — /metrics last saves=N",
    "review.next_program": "<b>Next month:</b> {goal}.",
    "review.next_calendar": "<b>Next month:</b> {goal}. For a 3-month plan: /plan",
    "report.heading": "🏁 <b>Cycle {cycle} complete</b>",
    "report.month": "Month {month} · {goal}: {done} of {target} {verdict}",
    "report.totals": "90 days: {days} posted · {posts} · hits: {hits}",
    "report.followers": "Followers: {start} → {end}",
    "report.unknown": "?",
    "report.next": "<b>Next cycle</b> — what you met goes up, what you missed comes again:",
    "report.next_goal": "• {goal} — {change}",
    "report.kept": "kept",
    "report.raised": "raised",
    "report.again": "again",
    "report.eased": "Or ease what you missed: {goals}.",
    "report.and": "; ",
    "report.ready": "Ready?",
    "btn.next_cycle": "Start cycle {cycle} 🚀",
    "btn.ease_cycle": "Ease missed goals",
    "btn.plan_stop": "End it",
    "btn.plan_keep": "Keep going",
    # --- reminders
    "word.on": "on",
    "word.off": "off",
    "remind.settings": (
        "⏰ <b>Reminders</b>\n"
        "Daily nudge: {nudge}\n"
        "Last call (90 min before the day ends): {last_call}\n"
        "Follow-ups on your posts: {followups}\n"
        "Quiet hours: {quiet}\n"
        "Paused: {paused}\n"
        "Times are in {zone}."
    ),
    "remind.paused_until": "until {date}",
    "remind.next": "Next reminder: {when}",
    "remind.every_other_day": Plural(
        "Nudging every other day, since you didn't answer the last {count} nudge. Post or tap any button for daily nudges again.",
        "Nudging every other day, since you didn't answer the last {count} nudges. Post or tap any button for daily nudges again.",
    ),
    "remind.weekly_unanswered": "Nudging weekly, since you didn't answer. Post or tap any button for daily nudges again.",
    "remind.weekly_chosen": "Nudging weekly, as you chose. <code>/nudge on</code> for daily nudges.",
    "resume.not_paused": "Reminders aren't paused.",
    "btn.toggle_nudges": "Daily nudge: {state}",
    "btn.toggle_lastcall": "Last call: {state}",
    "btn.toggle_followups": "Follow-ups: {state}",
    "nudge.v0": "Hey {name}, nothing logged today yet. One post keeps the habit alive. ✍️",
    "nudge.v1": "{name}, today's post is the only number you fully control. Ready?",
    "nudge.v2": "Small and done beats perfect and planned. What are you posting today, {name}?",
    "nudge.v3": "Checking in, {name}: has today's post gone out?",
    "nudge.v4": "The algorithm is not yours; showing up is. One post today? 💪",
    "nudge.v5": "{name}, a quick one counts. Ten minutes, one post, logged.",
    "nudge.v6": "Your future followers are waiting for today's post, {name}. 🌱",
    "nudge.streak_line": "🔥 Streak: {streak} — keep it going.",
    "last_call.v0": "⏳ Last call, {name}: the day ends in 90 minutes.",
    "last_call.v1": "⏳ {name}, 90 minutes left today. Still time for one post.",
    "last_call.v2": "⏳ Nearly midnight, {name}. Post, or take a rest day.",
    "keep.ask": Plural(
        "🤔 I've nudged you {count} time without an answer. Keep reminding me?",
        "🤔 I've nudged you {count} times without an answer. Keep reminding me?",
    ),
    "btn.keep_yes": "Yes",
    "btn.keep_weekly": "Weekly",
    "btn.keep_stop": "Stop",
    "keep.yes": "OK: daily nudges again.",
    "keep.weekly": "OK: a nudge once a week. <code>/nudge on</code> brings daily nudges back.",
    "keep.stop": "OK: no more nudges. <code>/nudge on</code> turns them back on.",
    "nudge.snoozed": "⏰ OK, I'll remind you again at {time}.",
    "nudge.other_day": "That reminder was for another day.",
    "nudge.no_room": "No time left today outside your quiet hours. Tomorrow, then!",
    "btn.nudge_posted": "Posted ✅",
    "btn.nudge_snooze": "Snooze 1h",
    "btn.nudge_rest": "Rest day",
    "rest.taken": "😌 Rest day. Your streak stays at {streak}; {left}.",
    "rest.left": Plural("{count} rest day left this week", "{count} rest days left this week"),
    "rest.taken_yesterday": "😌 Yesterday ({date}) is a rest day. Your streak: {streak}; {left}.",
    "rest.used_yesterday": "😌 Yesterday used your rest day — streak safe: {streak}.",
    "rest.already": "Today is already a rest day.",
    "rest.already_that_day": "That day is already a rest day.",
    "rest.already_posted": "You've already posted today, no rest needed.",
    "rest.already_posted_that_day": "You posted that day, no rest needed.",
    "rest.undone": "Rest day on {date} taken back.",
    "rest.nothing_to_undo": "No rest day today or yesterday to take back.",
    "error.rest_shape": "I didn't understand that.",
    "usage.rest": (
        "<code>/rest</code> or <code>/rest today</code> — rest today · "
        "<code>/rest yesterday</code> — rest yesterday · "
        "<code>/rest undo</code> — take back today's or yesterday's rest day"
    ),
    "rest.none_left": Plural(
        "You've used your {count} rest day this week. /goals rest sets the allowance.",
        "You've used your {count} rest days this week. /goals rest sets the allowance.",
    ),
    "rest.not_allowed": "Your targets have no rest days. /goals rest 1 allows one a week.",
    "followup.day1": "📈 A day on: how is {label} doing? Saves are what make a hit.",
    "followup.day3": "📈 Three days on: how did {label} do?",
    "followup.last_saves": Plural(
        "Last time: {saves} save.",
        "Last time: {saves} saves.",
    ),
    "followup.many": "📈 How are your posts doing? Saves are what make a hit.",
    "followup.line_day1": "• {label} — a day on",
    "followup.line_day3": "• {label} — three days on",
    "followup.line_saves": Plural(" · last time: {count} save", " · last time: {count} saves"),
    "followup.many_how": "Tap a post to send its numbers, or type e.g. <code>/metrics {number} saves=12 likes=80</code>.",
    "btn.followup_post": "✍️ #{number}",
    "followup.ask": "Send the numbers for {label}: saves likes views, e.g. <code>12 80 1500</code> (or <code>saves=12</code>).",
    "followup.post_gone": "That post isn't there any more.",
    "btn.followup_enter": "✍️ Enter numbers",
    "btn.followup_off": "Stop asking",
    # --- rooms (groups)
    "menu.share": "What your groups may see",
    "room.intro": (
        "👋 Hi! I'm Postpact: I help creators keep posting, together.\n"
        "• /join — join this room (then /post tiktok … checks in here)\n"
        "• /board — this week's leaderboard · /mutual — follow each other\n"
        "Every evening I post a digest; admins can tune me with /groupsettings."
    ),
    "room.help": (
        "<b>Postpact in a room</b>\n"
        "/join · /leave — be part of this room (or not)\n"
        "/post tiktok https://… #tag — log a post and check in here\n"
        "/board — this week's leaderboard\n"
        "/mutual — members' handles · /mutual me — who to follow, who hasn't followed back\n"
        "/followed @member [platform] — note that you followed someone\n"
        "/buddy — your accountability buddy this week\n"
        "Admins: /groupgoal, /buddy on|off, /groupsettings\n"
        "What the room sees of you is your choice: /share in private with @{bot}."
    ),
    "menu.join": "Join this room",
    "menu.leave": "Leave this room",
    "menu.room_help": "What I do in a room",
    "menu.room_post": "Log a post and tell the room",
    "menu.board": "This week's leaderboard",
    "menu.mutual": "Members' handles, who to follow",
    "menu.followed": "Note that you followed someone",
    "menu.room_insights": "What works in this room",
    "menu.buddy": "Weekly buddies: on, off, whose",
    "menu.groupgoal": "The room's goal",
    "menu.groupsettings": "Digest time, timezone, language, topic",
    "room.unknown_command": "I don't know that command here. /help shows what works in a room.",
    "room.joined": Plural(
        "✅ {name} joined the room. {count} member now.",
        "✅ {name} joined the room. {count} members now.",
    ),
    "room.already_member": Plural(
        "{name}, you're already in this room ({count} member).",
        "{name}, you're already in this room ({count} members).",
    ),
    "room.open_private": "Open a private chat with me so your reminders and cheers can reach you:",
    "btn.open_private": "Open Postpact",
    "room.connected": "🔗 Connected: your reminders and cheers from your rooms arrive here.",
    "room.left": "👋 {name} left the room. Their posts stay theirs.",
    "room.not_member": "{name}, you're not in this room.",
    "room.join_first": "Join the room first: /join",
    "room.admins_only": "Only the group's admins can do that.",
    "room.not_anonymous": "Post as yourself for that, not anonymously as the group.",
    "room.not_as_channel": "Post as yourself for that: a message sent as a channel can't be counted for a person.",
    "room.no_members": "Nobody has joined this room yet. /join",
    "room.checkin": "✅ {name} posted: {label}",
    "room.checkin_streak": "🔥 {streak}",
    "room.joined_by_posting": "(…and joined the room.)",
    "usage.group_post": "<code>/post &lt;platform&gt; [link or title] [#tag …]</code>, e.g. <code>/post tiktok https://vm.tiktok.com/abc</code>",
    "error.group_post_missing": "In a room, say where you posted.",
    "btn.cheer": "👏 Cheer",
    "cheer.own": "You can't cheer your own post 🙂",
    "cheer.already": "You've cheered this one already.",
    "cheer.join_first": "Join the room to cheer: /join",
    "cheers.told": "👏 {names} cheered your post #{number} in {title}.",
    "board.heading": "🏆 <b>This week</b> · {start} → {end}\n<i>days · 🔥 streak · 🎯 hits this month · followers</i>",
    "board.line": "{rank} {name} — {days} · 🔥 {streak} · 🎯 {hits} · {growth}",
    "usage.mutual": "<code>/mutual</code> — members' handles · <code>/mutual me</code> — who to follow, who hasn't followed you back",
    "error.mutual_shape": "I didn't understand that.",
    "mutual.heading": "🤝 <b>Follow each other</b>",
    "mutual.platform": "<b>{platform}</b>: {handles}",
    "mutual.none": "Nobody shares their handles yet (/share handles on, in private).",
    "mutual.hint": "Followed someone? /followed @member [platform]",
    "mutual.me_not_followed": "You haven't followed yet: {names}",
    "mutual.me_not_back": "Haven't followed you back: {names}",
    "mutual.nobody": "nobody",
    "usage.followed": "<code>/followed @member [platform]</code>, e.g. <code>/followed @maya tiktok</code>",
    "error.followed_shape": "Who did you follow?",
    "error.followed_unknown": "“{given}” isn't a member of this room.",
    "followed.self": "That's you 🙂",
    "followed.on": " on {platform}",
    "followed.noted": "Noted: you follow {name}{where}.",
    "followed.mutual": "Noted: you follow {name}{where}. You follow each other 🤝",
    "usage.buddy": "<code>/buddy</code> — your buddy this week · admins: <code>/buddy on</code> or <code>/buddy off</code>",
    "error.buddy_shape": "I didn't understand that.",
    "buddy.on": "🤝 Buddies are on: every Monday members are paired at random, and each nudge says how your buddy is doing.",
    "buddy.off": "Buddies are off.",
    "buddy.disabled": "Buddies are off in this room. An admin can turn them on with /buddy on.",
    "buddy.none": "You have no buddy this week (pairs are made on Mondays among members).",
    "buddy.yours": "🤝 Your buddy this week: {name}",
    "buddy.nudge_posted": "🤝 Your buddy {name} has posted today.",
    "buddy.nudge_waiting": "🤝 Your buddy {name} hasn't posted yet either: nudge each other!",
    "buddy.nudge_private": "🤝 Your buddy this week: {name}",
    "usage.groupgoal": "<code>/groupgoal days 5</code> — every member posts 5 days a week · <code>/groupgoal posts 100</code> — 100 posts together this month · <code>/groupgoal off</code>",
    "error.groupgoal_shape": "I didn't understand that.",
    "error.groupgoal_number": "“{given}” is not a whole number.",
    "groupgoal.none": "🎯 No group goal yet.",
    "groupgoal.days": Plural(
        "🎯 Group goal: every member posts {value} day a week.",
        "🎯 Group goal: every member posts {value} days a week.",
    ),
    "groupgoal.posts": Plural(
        "🎯 Group goal: {value} post together this month.",
        "🎯 Group goal: {value} posts together this month.",
    ),
    "usage.groupsettings": (
        "<code>/groupsettings time 21:00</code> · <code>timezone Asia/Shanghai</code> · "
        "<code>lang en|zh</code> · <code>mention on|off</code> · "
        "<code>board days|streak|hits|growth</code> · <code>topic</code> (send it in the topic) · <code>topic off</code>"
    ),
    "error.groupsettings_shape": "I didn't understand that.",
    "error.board_metric": "The board can rank by days, streak, hits or growth.",
    "groupsettings.show": (
        "⚙️ <b>Room settings</b>\n"
        "Digest: {time} ({zone})\n"
        "Language: {language}\n"
        "Name who hasn't posted yet: {mention}\n"
        "Board ranks by: {board}\n"
        "Forum topic: {topic}\n"
        "Buddies: {buddies}"
    ),
    "usage.share": "<code>/share followers on</code> · <code>/share handles on</code> · <code>/share streaks off</code> · <code>/share posts off</code>",
    "error.share_shape": "Say what and on/off, e.g. /share followers on.",
    "share.show": (
        "👀 <b>What your rooms see</b>\n"
        "Streaks: {streaks}\n"
        "Posts and days posted: {posts}\n"
        "Follower counts: {followers}\n"
        "Handles: {handles}\n"
        "Follower growth shows as a percentage; the counts only if you share them."
    ),
    "btn.share_streaks": "Streaks: {state}",
    "btn.share_posts": "Posts: {state}",
    "btn.share_followers": "Follower counts: {state}",
    "btn.share_handles": "Handles: {state}",
    "digest.heading": "📣 <b>{title}</b> · {date}",
    "digest.posted": "✅ Posted today ({count} of {of}): {names}",
    "digest.nobody": "Nobody posted today.",
    "digest.streak": "🔥 Longest streak: {name}, {streak}",
    "digest.hit": "🎯 New hit: {name} — {label}",
    "digest.milestone": Plural(
        "🎉 {name} passed {number} follower",
        "🎉 {name} passed {number} followers",
    ),
    "digest.waiting": "🌱 Still to post today: {names}. There's time.",
    "summary.weekly": "📊 <b>{title} · the week</b> {start} → {end}",
    "summary.monthly": "📅 <b>{title} · the month</b> {start} → {end}",
    "summary.totals": "Together: {posts} on {days} ({members}).",
    "summary.goal_days": Plural(
        "🎯 Goal, {target} day each: {done} of {of} made it {verdict}",
        "🎯 Goal, {target} days each: {done} of {of} made it {verdict}",
    ),
    "summary.goal_posts": Plural(
        "🎯 Goal, {target} post together: {done} of {of} {verdict}",
        "🎯 Goal, {target} posts together: {done} of {of} {verdict}",
    ),
    "summary.consistent": "🏅 Most consistent: {name}, {days}",
    "summary.grower": "📈 Biggest grower: {name}, {growth}",
    "summary.reciprocity": Plural(
        "🤝 Follows: {mutual} of {pairs} pair is mutual",
        "🤝 Follows: {mutual} of {pairs} pairs are mutual",
    ),
    "summary.member": "• {name}: days {days} · posts {posts} · 🔥 {streak} · {growth}",
    "roomcard.kicker": "Weekly summary",
    "roomcard.week": "Week of {start} – {end}",
    "roomcard.posts": Plural("post together", "posts together"),
    "roomcard.posters": Plural("member posted", "members posted"),
    "roomcard.streak": Plural("day · longest streak", "days · longest streak"),
    "roomcard.goal_days": Plural(
        "Group goal: {target} day each",
        "Group goal: {target} days each",
    ),
    "roomcard.goal_days_progress": "{done} of {of} made it",
    "roomcard.goal_posts": Plural(
        "Group goal: {target} post together",
        "Group goal: {target} posts together",
    ),
    "roomcard.goal_posts_progress": "{done} of {of}",
    "roomcard.no_goal": "No group goal yet. An admin sets one: /groupgoal days 5",
    "roomcard.heading": "Days posted",
    "roomcard.more": Plural("+ {count} more member", "+ {count} more members"),
    # --- insights, charts, your data
    "menu.insights": "What works for you",
    "menu.chart": "Charts: followers, calendar",
    "menu.export": "Download everything stored about you",
    "menu.forget": "Delete everything stored about you",
    "usage.chart": "<code>/chart followers [platform]</code> — followers over time · <code>/chart calendar</code> — the last 16 weeks",
    "error.chart_which": "Which chart?",
    "chart.no_followers": "No follower counts to draw yet. /followers tiktok 1200 records one.",
    "chart.followers_title": "Followers",
    "chart.posts_legend": "posts",
    "chart.hit_label": Plural("hit", "{count} hits"),
    "chart.latest": "{count} · {change}",
    "chart.all_platforms": "All platforms",
    "chart.goal_gain": "goal +{gain} → {level}",
    "chart.goal_total": "goal {level}",
    "chart.more_platforms": "Not shown: {names} · /chart followers [platform] draws one",
    "chart.followers_caption": (
        "📈 Followers, a panel per platform; the strip below shades your posts per day, stars"
        " are hits, the dashed line your follower goal."
    ),
    "chart.calendar_title": "The last 16 weeks",
    "chart.calendar_caption": (
        "🗓 Blue: posted (darker = more posts) · orange: rest day · pale hatched orange: a missed"
        " day your rest allowance covered · grey: none of these · outlined: today."
    ),
    "chart.legend_posted": "posted",
    "chart.legend_rested": "rest day",
    "chart.legend_frozen": "covered by rest allowance",
    "chart.legend_empty": "no post",
    "chart.legend_today": "today",
    "chart.weekdays": "Mon Tue Wed Thu Fri Sat Sun",
    # Dates in pictures (cards, charts): one way to write a day.
    "picture.months": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    "picture.date": "{month} {day}",
    # The review card (a picture: plain text, no HTML; user text is drawn apart from these).
    "card.caption": "🖼 Your month so far, as a picture to share.",
    "card.caption_review": "🖼 Your month, as a picture to share.",
    "card.caption_final": "🖼 Your 90 days, as a picture to share.",
    "card.no_name": "A Postpact creator",
    "card.month_program": "Month {month} of {months} · {start} – {end}",
    "card.month_calendar": "{month} {year}",
    "card.cycle": "Cycle {cycle} · 90 days · {start} – {end}",
    "card.upto": "{period} · so far, to {date}",
    "card.month_full": "January February March April May June July August September October November December",
    "card.weekdays": "M T W T F S S",
    "card.in_month": "Month {month} · {goal}",
    "card.goal_posting": Plural(
        "Post on {target} of {days} day", "Post on {target} of {days} days"
    ),
    "card.goal_hit": "One hit: a post saved {threshold}+ times",
    "card.goal_followers_gain": Plural("Gain {target} follower", "Gain {target} followers"),
    "card.goal_followers_total": Plural("Reach {target} follower", "Reach {target} followers"),
    "card.done_posting": Plural("{done} of {target} day posted", "{done} of {target} days posted"),
    "card.done_hit": Plural("{count} hit", "{count} hits"),
    "card.done_followers_gain": "{done} of +{target}",
    "card.done_followers_total": "{done} of {target}",
    "card.unmeasured": "No follower count to measure from yet",
    "card.starts": "Starts {date}",
    "card.met": "Met",
    "card.not_met": "Not met",
    "card.open": "In progress",
    "card.upcoming": "To come",
    "card.streak": "day streak",
    "card.best_streak": "longest streak",
    "card.days": "days posted",
    "card.followers": "followers",
    "card.followers_cycle": "followers in 90 days",
    "card.hits": Plural("hit", "hits"),
    "card.best": "BEST POST",
    "card.best_detail": Plural("{platform} · {saves} save", "{platform} · {saves} saves"),
    "card.best_none": "No saves recorded yet",
    "card.posted": "posted",
    "card.rested": "rest day",
    "card.frozen": "covered by rest",
    "card.missed": "no post",
    "card.footer": "Postpact · @{bot}",
    "card.footer_plain": "Postpact",
    "insights.heading": "🔎 <b>What works for you</b>",
    "insights.followers_heading": "<b>What brings followers</b> (per post, between two counts)",
    "insights.followers_too_little": "Too little data to say: record follower counts before and after posting (/followers), on a few posts.",
    "insights.gain": Plural(
        "• {name}: {per_post} per post ({posts} post)",
        "• {name}: {per_post} per post ({posts} posts)",
    ),
    "insights.hits_heading": "<b>Hit rate</b> (saves ≥ {threshold})",
    "insights.hit_rate": "• {name}: {hits} of {posts} ({percent}%)",
    "insights.too_little": "Too little data to say yet.",
    "insights.time_heading": "<b>Best time</b> (average saves)",
    "insights.best_day": Plural(
        "• {day}: {saves} save",
        "• {day}: {saves} saves",
    ),
    "insights.best_hour": Plural(
        "• around {hour}: {saves} save",
        "• around {hour}: {saves} saves",
    ),
    "insights.niche_heading": "<b>Niche focus</b>",
    "insights.niche": "This month {now} of posts on your niche tags; last month {then}.",
    "insights.consistency_heading": "<b>Consistency</b> (days posted, last 8 weeks)",
    "insights.weeks": "{spark}  {days}",
    "insights.habit": "Habit strength: {score}/100 (a missed day dents it, it doesn't reset it)",
    "insights.projection_heading": "<b>Followers target</b>",
    "insights.no_projection": "Not enough data to project {target}: three or more counts over a week or more, going up.",
    "insights.projection": "{current} of {target}; at {pace} a day you'd get there between {earliest} and {latest}.",
    "insights.room_heading": "🔎 <b>{title}: what works here</b>",
    "insights.room_weeks": "Days posted together, last 8 weeks: {spark}  {days}",
    "insights.room_hits_heading": "<b>Hit rate by platform</b>",
    "insights.room_privacy": "<i>Only from what members share (/share).</i>",
    "export.caption": Plural(
        "📦 Everything stored about you, in one zip: a JSON of it all, and a CSV per table ({tables} table with rows).",
        "📦 Everything stored about you, in one zip: a JSON of it all, and a CSV per table ({tables} tables with rows).",
    ),
    "forget.confirm": "Delete everything stored about you — posts, counts, metrics, programs, rooms, cheers, follows, reminders? This can't be undone. (/export first to keep a copy.)",
    "btn.forget_yes": "Delete everything",
    "btn.forget_no": "Keep my data",
    "forget.kept": "Nothing was deleted.",
    "forget.done": Plural(
        "🗑 Done: {rows} row deleted. If you write again, you start fresh.",
        "🗑 Done: {rows} rows deleted. If you write again, you start fresh.",
    ),
    "error.storage": "Sorry, I couldn't save that just now: my storage is unavailable. Please try again in a few minutes; nothing was half-saved.",
    "error.storage_short": "Couldn't save that just now. Try again in a few minutes.",
}
