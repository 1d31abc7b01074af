-- Invitations can be revoked before they are accepted (the InvitationRevoked event records who and when); a revoked
-- invitation's token answers like an unknown one. Owners and admins list an issuer's open invitations.
ALTER TABLE invitation ADD COLUMN revoked_at TIMESTAMPTZ;
CREATE INDEX invitation_issuer ON invitation (issuer_id);
