# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""Browser tours in Chinese, as the people who use the screens.

A tour step logs ``custcare-screenshot:<name>`` (``screenshot()`` in
``custcare_base/static/tests/tours/custcare_tour_utils.js``): the browser's
screen is saved as ``<screenshots>/<database>/custcare/<name>.png`` and the
page is marked ``body[data-custcare-shot=<name>]`` once it is, so the tour
goes on only after the picture is taken.
"""

import json
import pathlib
from base64 import b64decode
from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user
from odoo.tests.common import ChromeBrowser, get_db_name
from odoo.tools import config

SHOT = "custcare-screenshot:"
# what a tour shows: Odoo's own words and ours, in Chinese
UI_MODULES = ("base", "web", "mail", "portal", "resource", "product", "uom")


class CustcareTourCase(HttpCase):
    """A tour case in zh_CN with a screenshot hook."""

    lang = "zh_CN"
    ui_modules = ()

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang(cls.lang)
        # Odoo's words and those of every custcare addon installed (their menus show)
        installed = cls.env["ir.module.module"].search(
            [("state", "=", "installed"), ("name", "=like", "custcare\\_%")]
        )
        cls.env["ir.module.module"]._load_module_terms(
            [*UI_MODULES, *cls.ui_modules, *installed.mapped("name")], [cls.lang]
        )
        cls.env.company.write({"name": "杭州恒远精密机械有限公司"})
        # the company works on China time: the deadlines fall in its working hours
        cls.env.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.shots = []

    @classmethod
    def tour_user(cls, login, name, groups, **values):
        """A user of ``groups`` working in Chinese; password = login."""
        return new_test_user(
            cls.env,
            login,
            groups=groups,
            name=name,
            lang=cls.lang,
            tz="Asia/Shanghai",
            email=f"{login}@example.com",
            **values,
        )

    @classmethod
    def shot_dir(cls):
        return pathlib.Path(config["screenshots"]) / get_db_name() / "custcare"

    def tour(self, url, name, login, **kwargs):
        """``start_tour`` with the screenshot hook of the steps."""
        case = self
        original = ChromeBrowser._handle_console

        def handle_console(browser, type, args=None, stackTrace=None, **kw):  # pylint: disable=redefined-builtin
            first = (args or [{}])[0]
            text = first.get("value") if first.get("type") == "string" else None
            if type != "log" or not (text or "").startswith(SHOT):
                return original(browser, type, args=args, stackTrace=stackTrace, **kw)
            shot = text[len(SHOT) :]

            def saved(future):
                try:
                    data = future.result(timeout=0)["data"]
                except Exception as e:  # the tour then times out waiting for the mark
                    browser._logger.info("custcare screenshot %s not taken: %s", shot, e)
                    return
                folder = case.shot_dir()
                folder.mkdir(parents=True, exist_ok=True)
                (folder / f"{shot}.png").write_bytes(b64decode(data))
                case.shots.append(shot)
                browser._websocket_send(
                    "Runtime.evaluate",
                    params={
                        "expression": f"document.body.dataset.custcareShot = {json.dumps(shot)}"
                    },
                )

            future = browser._websocket_send("Page.captureScreenshot", with_future=True)
            if future:
                future.add_done_callback(saved)
            return None

        navigate = ChromeBrowser.navigate_to

        def navigate_to(browser, url, wait_stop=False):
            # the browser of a user in China: its clock and its language
            browser._websocket_request(
                "Emulation.setTimezoneOverride", params={"timezoneId": "Asia/Shanghai"}
            )
            browser._websocket_request("Emulation.setLocaleOverride", params={"locale": "zh-CN"})
            return navigate(browser, url, wait_stop=wait_stop)

        with (
            patch.object(ChromeBrowser, "_handle_console", handle_console),
            patch.object(ChromeBrowser, "navigate_to", navigate_to),
        ):
            self.start_tour(url, name, login=login, **kwargs)
