import { patch } from "@web/core/utils/patch";
import { PortalHomeCounters } from "@portal/interactions/portal_home_counters";

// The complaints card stays on the customer's home page with no complaint
// yet: it is where a customer reports a problem.
patch(PortalHomeCounters.prototype, {
    getCountersAlwaysDisplayed() {
        return super.getCountersAlwaysDisplayed(...arguments).concat(["complaint_count"]);
    },
});
