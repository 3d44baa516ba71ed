"""Keyboard-only use: the skip link comes first and works; focus is always visible, never hidden."""

import pytest

from tests.browser.helpers import public_paths

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  return {
    label: el.outerHTML.slice(0, 120),
    indicator: (style.outlineStyle !== "none" && style.outlineWidth !== "0px"
                && style.outlineColor !== "rgba(0, 0, 0, 0)") || style.boxShadow !== "none",
    inViewport: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    onTop: !!top && (top === el || el.contains(top) || top.contains(el)),
  };
}"""


def test_skip_link_is_the_first_thing_and_jumps_to_the_main_content(page, site):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    skip = page.locator(".govuk-skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible() and skip.bounding_box()["height"] > 0
    page.keyboard.press("Enter")
    # The jump is a same-page navigation: wait for it rather than race it (fails if it never comes).
    page.wait_for_url("**#main-content", timeout=5000)
    assert page.url.endswith("#main-content")
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize("language", ["en", "ur"])
def test_focus_is_visible_and_never_obscured(page, site, language):
    paths = public_paths(language)
    problems, checked = [], 0
    for name in ["home", "information", "easy read", "contact and help", "you said, we did"]:
        page.goto(site + paths[name])
        for _ in range(30):
            page.keyboard.press("Tab")
            state = page.evaluate(FOCUS_STATE)
            if state is None:
                break
            checked += 1
            if not (state["indicator"] and state["inViewport"] and state["onTop"]):
                problems.append(f"{name}: {state}")
    assert checked >= 20, "too few focusable elements were reached"
    assert not problems, "\n".join(problems)
