// The page the service worker shows for any page the network cannot give and that is not saved.
// A document, like a lesson (it stands in at other pages' addresses, where SvelteKit's client
// would try to start the wrong page); its one script lists what is saved.
export const csr = false;
