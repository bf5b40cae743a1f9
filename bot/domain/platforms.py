"""The canonical platform list: every alias users type for each (case-insensitive, 中文 too) and
the domains its links live on (so a pasted link names its platform)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Platform:
    key: str
    name_en: str
    name_zh: str
    aliases: tuple[str, ...] = ()
    # Where a handle becomes a tappable profile link; None where handles are not URL-able.
    profile_url: str | None = None
    # Hosts its post links use (a subdomain matches too); `host/path` where the host is shared
    # with other products (weixin.qq.com/sph is Channels, mp.weixin.qq.com is not).
    domains: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


PLATFORMS: tuple[Platform, ...] = (
    Platform("tiktok", "TikTok", "TikTok", (), "https://www.tiktok.com/@{handle}", ("tiktok.com",)),
    Platform("douyin", "Douyin", "抖音", ("抖音",), domains=("douyin.com", "iesdouyin.com")),
    Platform(
        "xiaohongshu",
        "Xiaohongshu",
        "小红书",
        ("xhs", "rednote", "red", "小红书"),
        domains=("xiaohongshu.com", "xhslink.com"),
    ),
    Platform(
        "kuaishou",
        "Kuaishou",
        "快手",
        ("快手",),
        domains=("kuaishou.com", "kuaishou.cn", "gifshow.com", "chenzhongtech.com"),
    ),
    Platform(
        "wechat-channels",
        "WeChat Channels",
        "视频号",
        ("channels", "视频号", "wechat", "weixin", "微信视频号"),
        domains=("channels.weixin.qq.com", "weixin.qq.com/sph"),
    ),
    Platform(
        "youtube",
        "YouTube",
        "YouTube",
        ("yt", "油管"),
        "https://www.youtube.com/@{handle}",
        ("youtube.com", "youtu.be"),
    ),
    Platform(
        "instagram",
        "Instagram",
        "Instagram",
        ("ig", "insta"),
        "https://www.instagram.com/{handle}",
        ("instagram.com", "instagr.am"),
    ),
    Platform(
        "bilibili",
        "Bilibili",
        "B站",
        ("b站", "bili", "哔哩哔哩"),
        domains=("bilibili.com", "b23.tv"),
    ),
    Platform("weibo", "Weibo", "微博", ("微博",), domains=("weibo.com", "weibo.cn")),
    Platform(
        "x", "X", "X", ("twitter", "推特"), "https://x.com/{handle}", ("x.com", "twitter.com")
    ),
    Platform("toutiao", "Toutiao", "头条", ("头条", "今日头条"), domains=("toutiao.com",)),
    Platform(
        "facebook",
        "Facebook",
        "Facebook",
        ("fb",),
        "https://www.facebook.com/{handle}",
        ("facebook.com", "fb.watch"),
    ),
    Platform(
        "threads",
        "Threads",
        "Threads",
        (),
        "https://www.threads.net/@{handle}",
        ("threads.net", "threads.com"),
    ),
    Platform(
        "linkedin",
        "LinkedIn",
        "LinkedIn",
        ("领英",),
        "https://www.linkedin.com/in/{handle}",
        ("linkedin.com", "lnkd.in"),
    ),
    Platform("other", "Other", "其他", ("其他", "其它")),
)

BY_KEY: dict[str, Platform] = {p.key: p for p in PLATFORMS}


def _squash(text: str) -> str:
    return re.sub(r"[\s_\-.]+", "", text.casefold())


_ALIASES: dict[str, Platform] = {}
for _platform in PLATFORMS:
    for _name in (_platform.key, _platform.name_en, _platform.name_zh, *_platform.aliases):
        _ALIASES[_squash(_name)] = _platform


def resolve_platform(text: str) -> Platform | None:
    """The platform a user meant, or None. `WeChat-Channels`, `小红书` and `XHS` all resolve."""
    if len(text) > 40:
        return None
    return _ALIASES.get(_squash(text))


def platform(key: str) -> Platform:
    """The Platform for a stored key."""
    return BY_KEY[key]


def platform_of_link(link: str) -> Platform | None:
    """The platform a post link belongs to, from its domain (`v.douyin.com` is Douyin), or None
    for a site we don't know. A look-alike host (`douyin.com.example`) is not the platform."""
    try:
        parts = urlsplit(link)
        host = (parts.hostname or "").casefold()
    except ValueError:  # a malformed authority, e.g. an unclosed IPv6 bracket
        return None
    for candidate in PLATFORMS:
        for domain in candidate.domains:
            domain_host, _, path = domain.partition("/")
            on_host = host == domain_host or host.endswith("." + domain_host)
            if on_host and (not path or parts.path.startswith(f"/{path}/")):
                return candidate
    return None
