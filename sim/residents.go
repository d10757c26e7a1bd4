package sim

// Residents as members with a voice (Deel B, BoTu: "In BoTu12 ... zijn twaalf
// bewoners" members and ambassadors of the network). A network with R
// resident members has a residents' voice
//
//	voice = R / (R + residents.half_voice)
//
// which raises its visibility to vis + (1-vis)*residents.visibility*voice,
// speaks for it (ambassador legitimation, legitimacy.go) and brings
// neighbours forward: case arrivals grow by the factor
// 1 + residents.referral*voice (willingness).

// residentVoice sets network nw's residents' voice.
func (m *Model) residentVoice(nw *network) {
	rc := &m.cfg.Residents
	r := float64(rc.Members)
	nw.voice = r / (r + rc.HalfVoice)
}

// visibility is network nw's visibility, raised by its residents' voice.
func (m *Model) visibility(nw *network) float64 {
	return nw.vis + (1-nw.vis)*m.cfg.Residents.Visibility*nw.voice
}
