namespace Marketplace.Domain.Orders;

public enum PaymentMethod
{
    BankTransfer = 0,
    CashOnDelivery = 1,
}
