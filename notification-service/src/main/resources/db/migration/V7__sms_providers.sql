-- Which SMS provider accepted a delivery and its id for the message (Aliyun's BizId, Tencent's SerialNo): the
-- delivery report names it. DELIVERED is a new status value (the column is TEXT).
ALTER TABLE delivery ADD COLUMN provider TEXT;
ALTER TABLE delivery ADD COLUMN provider_message_id TEXT;
ALTER TABLE delivery ADD COLUMN delivered_at TIMESTAMPTZ;
CREATE UNIQUE INDEX delivery_provider_message ON delivery (provider, provider_message_id)
    WHERE provider_message_id IS NOT NULL;
