//! One active tab at a time: a Web Lock on the workspace, and a BroadcastChannel so a
//! second tab can ask the active one to let go ("Use here").
