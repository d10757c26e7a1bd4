package plots

import "github.com/orgnet/orgnet/i18n"

// OrgName is an organisation's model name ("care 3") with its kind in
// language l, as the network pictures write it.
func OrgName(l i18n.Lang, name string) string { return orgName(l, name) }
