"""The page's source: static/index.html, static/js, static/app.css; npm assets in static/vendor."""
