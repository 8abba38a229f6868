# The HTML pages in a real browser: headless Chromium (Debian's chromium,
# which .ci/run installs) driven over the DevTools protocol, and the picture
# of a page the manual shows.

.PHONY: test-browser docs-screenshot

test-browser: python cli ## the HTML pages opened in headless Chromium: DOM, marks, file list, schemes, screenshot
	$(call pytest,tests/browser)

docs-screenshot: python ## regenerate docs/html-diff.png, the page docs/html.md shows
	$(VENV_PYTHON) tools/browser/screenshot.py docs/html-diff.png
