//! The page and everything it loads, compiled into the binary: the explorer works offline
//! and fetches nothing from anywhere but this server (no CDN, no outside font).

/// One embedded file.
pub struct Asset {
    pub path: &'static str,
    pub content_type: &'static str,
    pub body: &'static [u8],
}

pub const ASSETS: [Asset; 5] = [
    Asset {
        path: "/",
        content_type: "text/html; charset=utf-8",
        body: include_bytes!("../../../assets/serve/index.html"),
    },
    Asset {
        path: "/assets/app.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../../../assets/serve/app.js"),
    },
    Asset {
        path: "/assets/app.css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("../../../assets/serve/app.css"),
    },
    // The charts' own font, so that the inline SVG looks like `run`'s PNG on any machine.
    Asset {
        path: "/assets/DejaVuSans.ttf",
        content_type: "font/ttf",
        body: crate::plot::font::DEJAVU_SANS,
    },
    Asset {
        path: "/assets/DejaVuSans-Bold.ttf",
        content_type: "font/ttf",
        body: crate::plot::font::DEJAVU_SANS_BOLD,
    },
];

/// The embedded file at `path` (`/index.html` is `/`).
pub fn find(path: &str) -> Option<&'static Asset> {
    let path = if path == "/index.html" { "/" } else { path };
    ASSETS.iter().find(|a| a.path == path)
}
