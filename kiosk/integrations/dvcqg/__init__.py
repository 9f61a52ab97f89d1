"""The national public-service portal (Cổng DVCQG) as a sync target: ``sync.adapter = "dvcqg"``.

- :mod:`.client`: the integration adapter's HTTP protocol (login → session, service envelope, replies);
- :mod:`.adapter`: the outbox adapter that keeps each dossier and its processing steps on the portal, and
  the sender that also queues dossiers changed without an outbox event.

The payloads themselves are built in kiosk.core.portal_payload from the mapping in kiosk/resources/dvcqg.
"""
