import { defineEntity, p } from '@mikro-orm/core';
import type { CustomerAttributes, CustomerContext } from '../../protocol/index.ts';

/** What staff know about a customer beyond name and email: attributes from identify, the latest page and browser, when last seen. */
const CustomerProfileSchema = defineEntity({
  name: 'CustomerProfile',
  tableName: 'customer_profiles',
  properties: {
    customerId: p.uuid().primary(),
    attributes: p.json<CustomerAttributes>().nullable(),
    context: p.json<CustomerContext>().nullable(),
    lastSeenAt: p.datetime(),
  },
});

export class CustomerProfile extends CustomerProfileSchema.class {}
CustomerProfileSchema.setClass(CustomerProfile);
